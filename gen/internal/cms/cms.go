// Package cms writes what the site serves at /admin/ for editors without a
// terminal: the configuration of Sveltia CMS (admin/config.yml) and the page
// that loads it (admin/index.html). The CMS itself, a pinned copy of the npm
// package @sveltia/cms, is static/admin/sveltia-cms.js (make cms-update
// copies it from tools/node_modules).
//
// Config writes the form from the content package's schema tables
// (content.EventSchema, content.PageSchema), so that it cannot drift from
// the validation: every field has its widget, by its type, and is required
// exactly when the schema requires it, and translated (i18n) exactly when
// the schema writes it per language. Nothing has a default: a value the CMS
// wrote on save that the editor did not type (draft: false, say) would
// change the file.
//
// The files are written as the content package reads them: with the
// multiple_files structure, ID.md holds the facts and the default
// language's text, ID.LANG.md only the per-language fields and the body.
// Every string is written in double quotes, so that a text that looks like
// a date, a number or a boolean (a reference "2023-04-13") stays text for
// the YAML 1.1 reading of the content package; an empty optional field is
// left out rather than written empty. The CMS puts a blank line between
// the front matter and the body, and writes the fields in the schema's
// order (tools/checks/cms.spec.mjs holds it to changing nothing else).
//
// The backend is GitHub, signed in through Netlify's OAuth provider, in
// the editorial workflow: every save is a pull request. Input.TestBackend
// writes the CMS's test backend instead, which keeps the files in the
// browser. The output depends on nothing but the Input.
package cms

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"timeline/gen/internal/content"

	"go.yaml.in/yaml/v3"
)

// Where the CMS lives in the site.
const (
	Bundle     = "admin/sveltia-cms.js" // the CMS's script, as a file of static/ and as published
	Prefs      = "admin/prefs.js"       // the script run before the CMS (its interface's language), likewise
	ConfigFile = "admin/config.yml"     // the file Config writes, as published
	IndexFile  = "admin/index.html"     // the file Index writes, as published
	// Placeholder is the repository written when none is known: the CMS
	// loads, but signing in fails until content/data/site.yaml gives the
	// repository.
	Placeholder  = "OWNER/REPOSITORY"
	OAuthBaseURL = "https://api.netlify.com" // Netlify's OAuth provider, which signs editors in to GitHub
)

// Input is everything the configuration is written from.
type Input struct {
	// Events and Pages are the front matter of an event file and of an
	// explainer page (content.EventSchema, content.PageSchema): the fields
	// per language are in each language's file.
	Events, Pages []content.Field
	Languages     []string    // the site's languages, the default first
	Authorities   []string    // the keys of content/data/authorities.yaml
	Provisions    []Provision // the provisions of content/data/laws.yaml, by key
	Repo          string      // the GitHub repository, "owner/name"; empty writes Placeholder
	TestBackend   bool        // write the CMS's test backend (test-repo), which keeps the files in the browser
}

// bodyField is the form's field of a file's body.
const bodyField = "body"

// The form checks a value's shape before saving, by its type's format
// (content.Formats, pattern), only to spare an editor a failed check for a
// typo: the content package stays the judge (gen check runs on every pull
// request). oneLine is the pattern of a text typed in a box of several
// lines that the file holds on one line; idPattern of an event's id.
var (
	oneLine   = [2]string{`^[^\n]*$`, "One paragraph, without line breaks."}
	idPattern = [2]string{content.Formats[content.TypeSlug].Pattern, "The event's id, its file name: lowercase letters, digits and hyphens, e.g. 2024-05-16-ap-sanction. It cannot be changed once saved."}
)

// Config returns admin/config.yml.
func Config(in Input) ([]byte, error) {
	if len(in.Languages) == 0 {
		return nil, fmt.Errorf("cms: no language")
	}
	in.Authorities = slices.Sorted(slices.Values(in.Authorities)) // the same options whatever their order in in
	events, err := in.fields(in.Events)
	if err != nil {
		return nil, fmt.Errorf("cms: events: %w", err)
	}
	pages, err := in.fields(in.Pages)
	if err != nil {
		return nil, fmt.Errorf("cms: pages: %w", err)
	}

	backend := m("name", "github", "repo", cmp.Or(in.Repo, Placeholder), "base_url", OAuthBaseURL)
	if in.TestBackend {
		backend = m("name", "test-repo")
	}
	root := m(
		"backend", backend,
		"publish_mode", "editorial_workflow",
		// The CMS wants a media folder; its library is turned off: images
		// are not part of the content.
		"media_folder", "static/media",
		"public_folder", "/media",
		"media_libraries", m("default", false),
		"output", m(
			"omit_empty_optional_fields", true,
			"yaml", m("quote", "double"),
		),
		"i18n", m(
			"structure", "multiple_files",
			"locales", in.Languages,
			"default_locale", in.Languages[0],
			"omit_default_locale_from_file_path", true,
		),
		"collections", seq(
			collection("events", "Events", "Event",
				"One file per decision or step: the facts and the "+in.Languages[0]+" text in ID.md, each other language's text in ID.LANG.md.",
				content.EventsDir, events,
				"summary", "{{fields.date}} · {{fields.title}}",
				"sortable_fields", m("fields", []string{"date", "title"}, "default", m("field", "date", "direction", "descending")),
				"slug", m(
					"template", "{{fields.date}}-{{fields.authority}}-{{fields.kind}}",
					"editable", []string{"create"},
					"pattern", idPattern[:],
					"hint", idPattern[1],
				),
				"create", true,
			),
			collection("pages", "Pages", "Page",
				"The explainer pages: KEY.md in "+in.Languages[0]+", KEY.LANG.md in each other language.",
				content.PagesDir, pages,
				"create", false,
			),
		),
	)
	var buf bytes.Buffer
	buf.WriteString("# Sveltia CMS's configuration, for /admin/. Written by gen build from the schema\n" +
		"# (gen/internal/content/schema.go), content/data/site.yaml and authorities.yaml: do not edit.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := cmp.Or(enc.Encode(root), enc.Close()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// collection is the collection of the files of folder, whose form has
// fields and the body; kv are its options after identifier_field.
func collection(name, label, singular, description, folder string, fields []*yaml.Node, kv ...any) *yaml.Node {
	c := m("name", name, "label", label, "label_singular", singular, "description", description,
		"folder", folder, "extension", "md", "format", "yaml-frontmatter", "i18n", true, "identifier_field", "title")
	add(c, kv...)
	add(c, "delete", false, "fields", seq(append(fields, body())...))
	return c
}

// Provision is a provision a finding may cite: its key, and its title in
// the default language.
type Provision struct{ Key, Title string }

// InputFor is the Input of a site's content: the content package's
// schema tables, the site's languages, its authorities' keys, and the
// GitHub repository of content/data/site.yaml's repository address
// (https://github.com/OWNER/NAME), if it gives one.
func InputFor(c *content.Content) Input {
	in := Input{
		Events: content.EventSchema, Pages: content.PageSchema,
		Languages: c.Site.Languages, Repo: GitHubRepo(c.Site.Repository),
	}
	in.Authorities = slices.Sorted(maps.Keys(c.Authorities))
	for _, k := range slices.Sorted(maps.Keys(c.Provisions)) {
		in.Provisions = append(in.Provisions, Provision{k, c.Provisions[k].Title[c.Site.Languages[0]]})
	}
	return in
}

// GitHubRepo returns "OWNER/NAME" for the address of a repository on
// GitHub (https://github.com/OWNER/NAME, with or without .git or a
// final slash), or "" for anything else.
func GitHubRepo(address string) string {
	u, err := url.Parse(address)
	if err != nil || u.Scheme != "https" || !strings.EqualFold(u.Host, "github.com") {
		return ""
	}
	owner, name, _ := strings.Cut(strings.Trim(u.Path, "/"), "/")
	name = strings.TrimSuffix(name, ".git")
	if !repoPart.MatchString(owner) || !repoPart.MatchString(name) {
		return ""
	}
	return owner + "/" + name
}

// repoPart is an owner's or a repository's name: never empty, never a
// slash, so that a longer path is refused.
var repoPart = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
