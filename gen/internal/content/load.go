package content

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// The places of the content tree.
const (
	EventsDir       = "content/events"
	PagesDir        = "content/pages"
	SiteFile        = "content/data/site.yaml"
	AuthoritiesFile = "content/data/authorities.yaml"
)

// Options changes what Load keeps.
type Options struct {
	// Drafts keeps events marked draft: true (the dev server shows them).
	Drafts bool
}

// parsed is what one file gives: an event or a page with its text in the
// default language, or a translation's text.
type parsed struct {
	event *Event
	page  *Page
	text  *Text
	diags Diagnostics
}

type entry struct {
	path, name, lang string // name is the id or page key
	dir              string // EventsDir or PagesDir
}

// Load reads the whole content tree of fsys. It never stops at the first
// problem: every diagnostic found is in the result, sorted. The result is
// usable only when it holds no error.
func Load(fsys fs.FS, opt Options) *Content {
	c := &Content{}
	diags := c.parseSite(fsys)
	diags = append(diags, c.parseAuthorities(fsys)...)
	diags = append(diags, c.parseLaws(fsys)...)
	langs := c.Site.Languages

	var entries []entry
	for _, dir := range []string{EventsDir, PagesDir} {
		es, d := list(fsys, dir, langs)
		entries = append(entries, es...)
		diags = append(diags, d...)
	}
	results := parseAll(fsys, entries, langs)

	// Assemble: default-language files first, so that translations find them.
	exists := map[string]bool{}    // dir/name of every default-language file, parsed or not
	texts := map[string]*[]*Text{} // the texts of every event and page, by dir/name
	for i, en := range entries {
		r, key := results[i], en.dir+"/"+en.name
		diags = append(diags, r.diags...)
		if en.lang != langs[0] {
			continue
		}
		exists[key] = true
		switch prev := texts[key]; {
		case prev != nil && r.event != nil:
			diags = append(diags, Diagnostic{Path: en.path, Line: 1, Col: 1, Field: "id", Problem: fmt.Sprintf("id %q already used by %s", en.name, (*prev)[0].Path), Expected: "a file name that no other event has"})
		case prev != nil && r.page != nil:
			diags = append(diags, Diagnostic{Path: en.path, Line: 1, Col: 1, Problem: fmt.Sprintf("page %q already defined by %s", en.name, (*prev)[0].Path), Expected: "a file name that no other page has"})
		case r.event != nil:
			c.Events, texts[key] = append(c.Events, r.event), &r.event.Texts
		case r.page != nil:
			c.Pages, texts[key] = append(c.Pages, r.page), &r.page.Texts
		}
	}
	for i, en := range entries {
		t, key := results[i].text, en.dir+"/"+en.name
		switch {
		case en.lang == langs[0] || t == nil:
		case texts[key] != nil:
			*texts[key] = append(*texts[key], t)
		case !exists[key]:
			diags = append(diags, Diagnostic{Path: en.path, Line: 1, Col: 1, Problem: "translation of a file that does not exist",
				Expected: fmt.Sprintf("%s next to it, holding the facts and the %s text", path.Join(path.Dir(en.path), en.name+".md"), langs[0])})
		}
	}

	for _, t := range texts {
		*t, diags = completeTexts(*t, langs, diags)
	}
	slices.SortFunc(c.Events, compareEvents)
	slices.SortFunc(c.Pages, func(a, b *Page) int { return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Key, b.Key)) })

	diags = append(diags, c.crossCheck(exists)...)
	if !opt.Drafts {
		c.dropDrafts()
	}
	diags, c.Reviewed = review(fsys, diags)
	diags.Sort()
	c.Diagnostics = diags
	return c
}

func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// list finds the Markdown files under dir: ID.md, or ID.LANG.md.
func list(fsys fs.FS, dir string, langs []string) ([]entry, Diagnostics) {
	var out []entry
	var diags Diagnostics
	// WalkDir returns nil: the function returns no error but SkipDir.
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		hidden := p != dir && strings.HasPrefix(d.Name(), ".") // d is nil only for dir
		switch {
		case err != nil && p == dir && dir == PagesDir && errors.Is(err, fs.ErrNotExist):
			return fs.SkipDir // a site may have no explainer pages
		case err != nil && p == dir:
			diags = append(diags, Diagnostic{Path: dir, Problem: "cannot read the folder: " + errText(err), Expected: "a folder " + dir})
			return fs.SkipDir
		case err != nil:
			diags = append(diags, Diagnostic{Path: p, Problem: "cannot read: " + errText(err)})
		case d.Type()&fs.ModeSymlink != 0:
			diags = append(diags, Diagnostic{Path: p, Problem: "symbolic link", Expected: "a plain file inside content/: a link may lead outside the site"})
		case hidden && d.IsDir():
			return fs.SkipDir
		case hidden || d.IsDir():
		case !d.Type().IsRegular():
			diags = append(diags, Diagnostic{Path: p, Problem: "not a regular file", Expected: "a Markdown file"})
		case !strings.HasSuffix(d.Name(), ".md"):
			diags = append(diags, Diagnostic{Path: p, Problem: "not a Markdown file", Expected: "files named ID.md, or ID.LANG.md with LANG one of " + strings.Join(langs[1:], ", ")})
		default:
			name, lang := strings.TrimSuffix(d.Name(), ".md"), langs[0]
			i := strings.LastIndexByte(name, '.')
			if i >= 0 {
				name, lang = name[:i], name[i+1:]
			}
			switch {
			case i >= 0 && !slices.Contains(langs[1:], lang):
				diags = append(diags, Diagnostic{Path: p, Problem: fmt.Sprintf("%q is not a language of the site", lang), Expected: "ID.md for " + langs[0] + ", or ID.LANG.md with LANG one of " + strings.Join(langs[1:], ", ")})
			case !idRE.MatchString(name):
				diags = append(diags, Diagnostic{Path: p, Field: "id", Problem: fmt.Sprintf("the file name %q cannot be an id", name),
					Expected: "a file name of lowercase ascii letters, digits and hyphens, e.g. 2022-10-17-cnil-sanction.md"})
			default:
				out = append(out, entry{path: p, name: name, lang: lang, dir: dir})
			}
		}
		return nil
	})
	slices.SortFunc(out, func(a, b entry) int { return cmp.Compare(a.path, b.path) })
	return out, diags
}

// parseAll reads and parses the files on all cores; the results keep the
// order of entries whatever the scheduling.
func parseAll(fsys fs.FS, entries []entry, langs []string) []parsed {
	out := make([]parsed, len(entries))
	var wg sync.WaitGroup
	cores := make(chan struct{}, runtime.GOMAXPROCS(0)) // one token per file being parsed
	for i, en := range entries {
		cores <- struct{}{}
		wg.Go(func() {
			defer func() { <-cores }()
			b, err := fs.ReadFile(fsys, en.path)
			if err != nil {
				out[i] = parsed{diags: Diagnostics{{Path: en.path, Problem: "cannot read: " + errText(err)}}}
				return
			}
			out[i] = parseOne(en, langs, b)
		})
	}
	wg.Wait()
	return out
}

// parseOne parses one file of the tree: an event or an explainer page in
// the default language, or a translation of either.
func parseOne(en entry, langs []string, src []byte) parsed {
	f := &file{path: en.path, langs: langs}
	root, body, bodyLine := f.split(src)
	var r parsed
	switch {
	case root == nil:
	case en.lang != langs[0] && en.dir == EventsDir:
		r.text = f.textOf(f.translation(root, EventSchema), en.lang, body, bodyLine)
	case en.lang != langs[0]:
		r.text = f.textOf(f.translation(root, PageSchema), en.lang, body, bodyLine)
	case en.dir == EventsDir:
		r.event = f.event(en.name, root, body, bodyLine)
	default:
		v := f.decode(root, "", PageSchema)
		r.page = &Page{Key: en.name, Path: en.path, Weight: int(get[int64](v, "weight")), Layout: get[string](v, "layout"),
			Texts: []*Text{f.textOf(v, en.lang, body, bodyLine)}}
	}
	r.diags = f.diags
	return r
}

// completeTexts orders the texts of a file, the default language's first
// in have, by site language; a missing translation (or reference) is the
// default language's, marked as a fallback.
func completeTexts(have []*Text, langs []string, diags Diagnostics) ([]*Text, Diagnostics) {
	def := have[0]
	out := make([]*Text, 0, len(langs))
	for _, l := range langs {
		t := textIn(have, l)
		if t == nil {
			diags = append(diags, Diagnostic{Path: def.Path, Line: 1, Col: 1, Severity: Warning,
				Problem:  fmt.Sprintf("no %s translation", l),
				Expected: fmt.Sprintf("%s; until then the %s page shows the %s text", strings.TrimSuffix(def.Path, ".md")+"."+l+".md", l, langs[0])})
			fb := *def
			fb.Lang, fb.Fallback = l, true
			t = &fb
		}
		t.Reference = cmp.Or(t.Reference, def.Reference)
		out = append(out, t)
	}
	return out, diags
}

// parseSite reads SiteFile into c.Site.
func (c *Content) parseSite(fsys fs.FS) Diagnostics {
	f := &file{path: SiteFile, langs: []string{"fr", "en"}}
	root := f.mapping(f.doc(fsys, "the site configuration", false), "not a list of fields")
	if root == nil {
		c.Site = Site{Languages: f.langs}
		return f.diags
	}
	// The texts per language are read in the languages that the file
	// gives: a first, silent pass finds them.
	first := &file{path: SiteFile}
	if ls := get[[]string](first.decode(root, "", SiteSchema[:1]), "languages"); len(ls) > 0 {
		f.langs = ls
	}
	v := f.decode(root, "", SiteSchema)
	c.Site = Site{Languages: f.langs, Title: get[map[string]string](v, "title"), Description: get[map[string]string](v, "description"),
		Subject: get[string](v, "subject"), BaseURL: get[string](v, "base_url"), AsOf: get[Date](v, "as_of"), Repository: get[string](v, "repository"),
		License: get[map[string]string](v, "license"),
		PerPage: cmp.Or(int(get[int64](v, "per_page")), 100), FeedLimit: cmp.Or(int(get[int64](v, "feed_limit")), 50)}
	return f.diags
}

// parseAuthorities reads AuthoritiesFile into c.Authorities.
func (c *Content) parseAuthorities(fsys fs.FS) Diagnostics {
	f := &file{path: AuthoritiesFile, langs: c.Site.Languages}
	c.Authorities = map[string]*Authority{}
	f.entries(f.mapping(f.doc(fsys, "the authorities", false), "not a list of fields"), "", idRE, "lowercase ascii letters, digits and hyphens, e.g. cnil", "%q is not a valid key",
		AuthoritySchema, "an authority", func(key string, v values) {
			c.Authorities[key] = &Authority{Key: key, Name: get[map[string]string](v, "name"), Abbr: get[map[string]string](v, "abbr"),
				Country: get[string](v, "country"), URL: get[string](v, "url")}
		})
	return f.diags
}
