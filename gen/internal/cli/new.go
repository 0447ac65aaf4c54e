package cli

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"timeline/gen/internal/content"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func newCmd(flags *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	root := flags.String("root", ".", "the project folder")
	date := flags.String("date", "", "the decision date: YYYY-MM-DD, YYYY-MM or YYYY (required)")
	country := flags.String("country", "", "ISO 3166 code: FR, GB, US-VT … (required)")
	authority := flags.String("authority", "", "a key of content/data/authorities.yaml (required)")
	kind := flags.String("kind", "", "one of: "+strings.Join(content.Kinds, ", ")+" (required)")
	slug := flags.String("slug", "", "a few words for the file name, e.g. cnil-sanction (required)")
	if err := flags.Parse(args); err != nil {
		return ExitUsage
	}
	usage := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "gen new: "+format+"\n", args...)
		return ExitUsage
	}
	if flags.NArg() > 0 {
		return usage("unexpected argument %q", flags.Arg(0))
	}
	for name, v := range map[string]string{"date": *date, "country": *country, "authority": *authority, "kind": *kind, "slug": *slug} {
		if v == "" {
			return usage("-%s is required (gen new -h lists the flags)", name)
		}
	}
	d, err := content.ParseDate(*date)
	if err != nil {
		return usage("-date: %v; expected YYYY-MM-DD, YYYY-MM or YYYY", err)
	}
	if !slugRE.MatchString(*slug) {
		return usage("-slug: %q; expected lowercase ascii letters, digits and hyphens", *slug)
	}
	id := d.String() + "-" + *slug
	dir := filepath.Join(*root, filepath.FromSlash(content.EventsDir))
	files := []struct{ name, data string }{{id + ".md", scaffold(d, *country, *authority, *kind)}, {id + ".en.md", scaffoldEN()}}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f.name)); err == nil {
			fmt.Fprintf(stderr, "gen new: %s already exists; nothing written (choose another -slug, or edit that file)\n", filepath.ToSlash(filepath.Join(content.EventsDir, f.name)))
			return ExitContent
		}
	}
	if !slices.Contains(content.Kinds, *kind) {
		return usage("-kind: %q is not one of: %s", *kind, strings.Join(content.Kinds, ", "))
	}
	// The authority must be in the authorities' file: else, an entry to
	// copy there.
	c := content.Load(os.DirFS(*root), content.Options{Drafts: true})
	if _, ok := c.Authorities[*authority]; !ok {
		if !slugRE.MatchString(*authority) {
			return usage("-authority: %q; expected a key of lowercase ascii letters, digits and hyphens, e.g. cnil", *authority)
		}
		fmt.Fprintf(stderr, "gen new: -authority: %q is not in %s; nothing written.\nAdd it at the end of that file, filled in, then run gen new again:\n\n%s\n",
			*authority, content.AuthoritiesFile, authorityEntry(*authority, *country, c.Site.Languages))
		return ExitContent
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = fh.WriteString(f.data)
			err = cmp.Or(err, fh.Close()) // closed in any case; the write's error first
		}
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(stderr, "gen new: %s already exists\n", p)
			return ExitContent
		}
		if err != nil {
			fmt.Fprintf(stderr, "gen new: %v\n", err)
			return ExitContent
		}
		fmt.Fprintf(stdout, "gen new: wrote %s\n", filepath.ToSlash(filepath.Join(content.EventsDir, f.name)))
	}
	fmt.Fprintln(stdout, "gen new: fill in the fields, then run gen check; the event stays a draft until you set draft: false")
	return ExitOK
}

// scaffold is a new event's file: every field of the schema with its
// comment, the facts given on the command line, placeholders to replace,
// and draft: true. As written, it is a valid draft.
func scaffold(d content.Date, country, authority, kind string) string {
	paid := "unknown"
	if kind != "fine" && kind != "penalty" {
		paid = ""
	}
	return "---\n# Facts: written once, here. The English text is in the .en.md file beside this one.\n" +
		content.Sample(content.EventSchema, map[string]string{
			"date": d.String(), "country": country, "authority": authority, "kind": kind,
			"status": "pending", "confirmation": "unconfirmed", "paid": paid, "context": "false",
			"sources.url": "https://example.org/" + content.Placeholder, "sources.title": `"Titre de la source"`,
			"sources.publisher": `"Éditeur"`, "sources.language": "fr", "sources.primary": "false", "draft": "true",
			"title": `"Titre de l'événement"`, "summary": `"La décision en une phrase."`,
		}, "French text") +
		"---\nLe texte, en Markdown : ce qui a été décidé, sur quel fondement, ce qui a suivi.\n"
}

// scaffoldEN is the English text of a new event.
func scaffoldEN() string {
	return "---\n# English text only: the facts are in the .md file beside this one.\n" +
		content.Sample(content.EventTextSchema, map[string]string{"title": `"Title of the event"`, "summary": `"The decision in one sentence."`}, "") +
		"---\nThe text, in Markdown: what was decided, on what grounds, what followed.\n"
}

// authorityEntry is a new entry of the authorities' file, to fill in:
// the schema's fields, each with its comment, a text per language.
func authorityEntry(key, country string, langs []string) string {
	texts := make([]string, len(langs))
	for i, l := range langs {
		texts[i] = l + `: "…"`
	}
	byLang := "{" + strings.Join(texts, ", ") + "}"
	sample := content.Sample(content.AuthoritySchema, map[string]string{"name": byLang, "abbr": byLang, "country": country}, "")
	return key + ":\n  " + strings.ReplaceAll(strings.TrimSuffix(sample, "\n"), "\n", "\n  ") + "\n"
}
