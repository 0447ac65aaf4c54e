package site

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"timeline/gen/internal/memo"
	"unicode/utf8"

	"timeline/gen/internal/content"
	"timeline/gen/internal/markdown"
)

// Options are the inputs of a build that do not come from the tree.
type Options struct {
	// BaseURL is the site's absolute address; canonical links, feeds and
	// the sitemap are under it. Empty means content/data/site.yaml's.
	BaseURL string
	// Now is "today" for the site (what is upcoming). The zero Date means
	// the as_of day of content/data/site.yaml.
	Now content.Date
	// Drafts shows events marked draft, with a mark (the dev server).
	Drafts bool
	// Preview marks a deploy preview: a banner, and noindex everywhere.
	Preview bool
	// Script, when set, is the path of a script every page loads (the dev
	// server's live reload).
	Script string
	// Cache, when set, lets the build reuse what earlier builds rendered
	// from the same inputs (the dev server's); the output is the same.
	Cache *memo.Cache
}

// Output is the built site: every file's bytes by its path under the
// output folder ("index.html", "en/events/x/index.html").
type Output struct {
	Files map[string][]byte
}

// Paths returns the output's paths in order.
func (o *Output) Paths() []string { return slices.Sorted(maps.Keys(o.Files)) }

// Build builds the whole site from fsys, which holds content/, layouts/
// and static/. Content problems are returned as content.Diagnostics (an
// error); a broken layout gives an error naming the layout file and line.
// The warnings of a successful build are in the second result. Build
// keeps nothing between calls but what opt.Cache holds, and changes
// nothing it reads.
func Build(fsys fs.FS, opt Options) (*Output, content.Diagnostics, error) {
	opt.Cache.Begin()
	min := newMinifier()
	in, diags, err := prepare(fsys, opt, min)
	if err != nil {
		return nil, diags, err
	}
	// Each stage keeps only what the next needs: once the views are
	// built, the content is no longer held, and once a page is made, its
	// view is dropped; a large site's memory is then mostly its output.
	files, err := in.files()
	if err != nil {
		return nil, diags, err
	}
	out, err := files.render(min)
	if err != nil {
		return nil, diags, err
	}
	opt.Cache.End()
	return out, diags, nil
}

// prepare reads the content and the theme, and renders the bodies.
func prepare(fsys fs.FS, opt Options, min *minifier) (*inputs, content.Diagnostics, error) {
	// The theme does not depend on the content: it is read while the
	// content loads. Errors are reported all the same in order: the
	// content's first, then the theme's.
	type loaded struct {
		theme *theme
		err   error
	}
	themed := make(chan loaded, 1)
	go func() {
		t, err := loadTheme(fsys, min)
		themed <- loaded{t, err}
	}()
	c := content.Load(fsys, content.Options{Drafts: opt.Drafts, Cache: opt.Cache})
	th := <-themed
	if errs := c.Diagnostics.Errors(); len(errs) > 0 {
		return nil, c.Diagnostics, errs
	}
	if th.err != nil {
		return nil, c.Diagnostics, th.err
	}
	langs, err := parseLangs(c.Site.Languages, th.theme.layouts, c.Site.Subject)
	if err != nil {
		return nil, c.Diagnostics, err
	}
	in := &inputs{c: c, byID: make(map[string]*content.Event, len(c.Events)), langs: langs, theme: th.theme, opt: opt,
		baseURL: strings.TrimSuffix(cmp.Or(opt.BaseURL, c.Site.BaseURL), "/"), now: cmp.Or(opt.Now, c.Site.AsOf),
		routes: newRoutes(c, langs), cache: opt.Cache}
	for _, e := range c.Events {
		in.byID[e.ID] = e
	}
	diags := append(slices.Clone(c.Diagnostics), checkSlugs(c, langs)...)
	var bodyDiags content.Diagnostics
	in.bodies, bodyDiags = in.renderBodies()
	diags = append(diags, bodyDiags...)
	diags.Sort()
	if errs := diags.Errors(); len(errs) > 0 {
		return nil, diags, errs
	}
	return in, diags, nil
}

// files is every output file of the site, each with its view, ready to
// be rendered: it holds no content, only views.
type files struct {
	theme  *theme
	cache  *memo.Cache
	pages  []page
	extras []extra
}

// extra is an output file that is not an HTML page: the feeds, the open
// data, the sitemap.
type extra struct {
	path string
	view any
	make func(min *minifier) ([]byte, error)
}

// files builds every language's views and lists the files to make.
func (in *inputs) files() (*files, error) {
	views := make([]*langViews, len(in.langs))
	if err := forEach(len(in.langs), func(i int) (err error) {
		views[i], err = newLangViews(in, in.langs[i])
		return err
	}); err != nil {
		return nil, err
	}
	f := &files{theme: in.theme, cache: in.cache}
	for _, v := range views {
		f.pages = append(f.pages, in.pages(v)...)
	}
	robots := "User-agent: *\n"
	if in.opt.Preview {
		robots += "Disallow: /\n"
	} else {
		robots += "Allow: /\n\nSitemap: " + in.abs("/sitemap.xml") + "\n"
	}
	data, sm := in.openData(), newSitemap(f.pages)
	f.extras = []extra{
		{"robots.txt", robots, func(*minifier) ([]byte, error) { return []byte(robots), nil }},
		{"data/events.json", data, func(*minifier) ([]byte, error) { return data.json() }},
		{"data/events.csv", data, func(*minifier) ([]byte, error) { return data.csv() }},
		{"sitemap.xml", sm, func(min *minifier) ([]byte, error) { return minified(min, "application/xml")(sm.xml()) }},
	}
	for _, v := range views {
		feed := in.feedView(v)
		f.extras = append(f.extras,
			extra{feedPath(v.l, "xml")[1:], feed, func(min *minifier) ([]byte, error) { return minified(min, "application/atom+xml")(feed.atom()) }},
			extra{feedPath(v.l, "json")[1:], feed, func(*minifier) ([]byte, error) { return feed.jsonFeed() }})
	}
	return f, nil
}

// render makes every file, on all cores: the feeds, the open data and the
// sitemap beside the pages.
func (f *files) render(min *minifier) (*Output, error) {
	data := make([][]byte, len(f.extras)+len(f.pages))
	err := forEach(len(data), func(i int) error {
		type result struct {
			data []byte
			err  error
		}
		if i < len(f.extras) {
			x := f.extras[i]
			r := memo.Get(f.cache, func() [32]byte { return memo.Key("file", x.path, x.view) }, func() result {
				data, err := x.make(min)
				return result{bytes.Clone(data), err} // what it grew in, not kept
			})
			if r.err != nil {
				return fmt.Errorf("%s: %w", x.path, r.err)
			}
			data[i] = r.data
			return nil
		}
		p := &f.pages[i-len(f.extras)]
		html, err := f.renderPage(min, *p)
		if err != nil {
			return fmt.Errorf("%s: %w", p.path, err)
		}
		data[i], p.view = html, nil // the view, and the body it holds, are no longer needed
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := &Output{Files: make(map[string][]byte, len(data)+len(f.theme.assets.files))}
	add := func(p string, b []byte) error {
		if _, dup := out.Files[p]; dup {
			return fmt.Errorf("%s: written twice", p)
		}
		out.Files[p] = b
		return nil
	}
	for p, b := range f.theme.assets.files {
		add(p, b)
	}
	for i, b := range data {
		p := ""
		if i < len(f.extras) {
			p = f.extras[i].path
		} else {
			p = f.pages[i-len(f.extras)].path
		}
		if err := add(p, b); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// minified minifies what make returns as mediatype.
func minified(min *minifier, mediatype string) func([]byte, error) ([]byte, error) {
	return func(b []byte, err error) ([]byte, error) {
		if err != nil {
			return nil, err
		}
		return min.bytes(mediatype, b)
	}
}

// buffers holds the buffers pages are rendered and minified in, reused
// from page to page: only the minified page is kept, in a slice of its
// own size. Unlike a sync.Pool, which the collector empties, it keeps them
// through the many collections of a large build.
var buffers = make(chan *bytes.Buffer, 16)

func getBuffer() *bytes.Buffer {
	select {
	case b := <-buffers:
		b.Reset()
		return b
	default:
		return new(bytes.Buffer)
	}
}

// putBuffer gives a buffer back for the next page, unless it grew for one
// of the few very long pages (the timeline of a large site): those would
// stay in memory for nothing.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		select {
		case buffers <- b:
		default:
		}
	}
}

var errZgotmpl = errors.New("a template wrote ZgotmplZ: html/template refused an unsafe value")

// renderPage runs p's layout on its view and minifies the result.
func (f *files) renderPage(min *minifier, p page) ([]byte, error) {
	type result struct {
		html []byte
		err  error
	}
	r := memo.Get(f.cache, func() [32]byte { return memo.Key("page", f.theme.sum, p.template, p.view) }, func() result {
		t := f.theme.pages[p.template]
		if t == nil {
			return result{nil, fmt.Errorf("no layout layouts/%s", p.template)}
		}
		raw, minified := getBuffer(), getBuffer()
		defer putBuffer(raw)
		defer putBuffer(minified)
		if err := t.ExecuteTemplate(raw, "layouts/base.html", p.view); err != nil {
			return result{nil, err}
		}
		if bytes.Contains(raw.Bytes(), []byte("ZgotmplZ")) {
			return result{nil, errZgotmpl}
		}
		if err := min.html(minified, raw); err != nil {
			return result{nil, err}
		}
		return result{bytes.Clone(minified.Bytes()), nil}
	})
	return r.html, r.err
}

// renderBodies turns every Markdown body into HTML, on all cores, and
// checks the links between content files.
func (in *inputs) renderBodies() (map[string]map[string]template.HTML, content.Diagnostics) {
	type job struct {
		text *content.Text
		l    *Lang
		name string
	}
	var jobs []job
	for _, l := range in.langs {
		for _, e := range in.c.Events {
			jobs = append(jobs, job{e.Text(l.Code), l, e.ID})
		}
		for _, p := range in.c.Pages {
			jobs = append(jobs, job{p.Text(l.Code), l, p.Key})
		}
	}
	codes := make([]string, len(in.langs))
	for i, l := range in.langs {
		codes[i] = l.Code
	}
	md := markdown.New(codes)
	results := make([]markdown.Result, len(jobs))
	forEach(len(jobs), func(i int) error {
		j := jobs[i]
		// A fallback text is rendered with its own language's rules.
		mdLang := in.textLang(j.l, j.text)
		results[i] = memo.Get(in.cache, func() [32]byte {
			return memo.Key("body", codes, mdLang, j.l.Code, in.routes.keys[j.l.Code], j.text.Body)
		}, func() markdown.Result { return md.Render(mdLang, j.text.Body, in.routes.resolver(j.l)) })
		return nil
	})
	bodies := map[string]map[string]template.HTML{}
	ids := map[string]map[string]bool{}
	for i, j := range jobs {
		if bodies[j.l.Code] == nil {
			bodies[j.l.Code] = map[string]template.HTML{}
		}
		bodies[j.l.Code][j.name] = template.HTML(results[i].HTML)
		set := map[string]bool{}
		for _, id := range results[i].IDs {
			set[id] = true
		}
		ids[j.l.Code+"/"+j.name] = set
	}
	var diags content.Diagnostics
	for i, j := range jobs {
		if j.text.Fallback {
			continue // reported once, for the text's own file
		}
		at := func(off int) (int, int) { return lineCol(j.text, off) }
		for _, p := range results[i].Problems {
			line, col := at(p.Offset)
			diags = append(diags, content.Diagnostic{Path: j.text.Path, Line: line, Col: col, Field: p.Field, Problem: p.Problem, Expected: p.Expected})
		}
		for _, r := range results[i].Refs {
			if ids[j.l.Code+"/"+r.Name][r.Fragment] || templateIDs[r.Fragment] {
				continue
			}
			line, col := at(r.Offset)
			diags = append(diags, content.Diagnostic{Path: j.text.Path, Line: line, Col: col, Field: "body",
				Problem: fmt.Sprintf("link to %s.md#%s: no such anchor", r.Name, r.Fragment), Expected: "the id of a heading of " + r.Name + ".md in the same language"})
		}
	}
	return bodies, diags
}

// templateIDs are the anchors the layouts give every event page.
var templateIDs = map[string]bool{"main": true, "facts": true, "sources": true, "chain": true, "caveats": true}

// lineCol turns a byte offset in a body into a line and column of its file.
func lineCol(t *content.Text, off int) (int, int) {
	body := t.Body
	off = min(max(off, 0), len(body))
	line := t.BodyLine + bytes.Count(body[:off], []byte("\n"))
	start := bytes.LastIndexByte(body[:off], '\n') + 1
	return line, utf8.RuneCount(body[start:off]) + 1
}

// checkSlugs refuses page addresses that the site uses for something
// else (a section, a language, the assets) or that two pages share.
func checkSlugs(c *content.Content, langs []*Lang) content.Diagnostics {
	var diags content.Diagnostics
	reserved := map[string]string{"data": "the open data", "css": "the assets", "js": "the assets", "_gen": "the dev server"}
	for _, l := range langs {
		if !l.Default {
			reserved[l.Code] = "the " + l.Code + " pages"
		}
		for _, sec := range []string{"events", "countries", "authorities", "kinds", "years"} {
			reserved[l.Path(sec)] = "the " + sec + " section"
		}
	}
	for _, l := range langs {
		seen := map[string]string{}
		for _, p := range c.Pages {
			t := p.Text(l.Code)
			if t.Fallback {
				continue // reported for the text's own file
			}
			if what, ok := reserved[t.Slug]; ok {
				diags = append(diags, content.Diagnostic{Path: t.Path, Line: 1, Col: 1, Field: "slug",
					Problem: fmt.Sprintf("%q is the address of %s", t.Slug, what), Expected: "another slug"})
			} else if other, ok := seen[t.Slug]; ok && other != t.Path {
				diags = append(diags, content.Diagnostic{Path: t.Path, Line: 1, Col: 1, Field: "slug",
					Problem: fmt.Sprintf("%q is also the slug of %s", t.Slug, other), Expected: "a slug no other page has in this language"})
			}
			seen[t.Slug] = t.Path
		}
	}
	return diags
}

// workers is how many goroutines render at once: one per core.
func workers() int { return runtime.GOMAXPROCS(0) }
