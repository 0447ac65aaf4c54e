package site

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"timeline/gen/internal/content"
	"timeline/gen/internal/markdown"
	"timeline/gen/internal/memo"
	"timeline/gen/internal/share"
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
	// NoCards leaves out the share cards (and the og:image of every
	// page): a card costs about 2 ms to draw, and a large site has two
	// for each event.
	NoCards bool
	// Cards, when set, keeps the share cards drawn, each under a key of
	// everything it is drawn from and of the painter's drawing: a card
	// found there is not drawn again (package cardcache, a folder on disk,
	// for gen build and gen serve alike).
	Cards CardStore
	// Cache, when set, lets the build reuse what earlier builds rendered
	// from the same inputs (the dev server's); the output is the same.
	Cache *memo.Cache
}

// CardStore keeps share cards between builds by key.
type CardStore interface {
	Card(key string) (png []byte, ok bool)
	SaveCard(key string, png []byte)
}

// Output is the whole built site in memory (BuildAll): every file's bytes
// by its path under the output folder ("index.html",
// "en/events/x/index.html").
type Output struct {
	Files map[string][]byte
	// Reviewed counts the warnings accepted by content.ReviewedFile.
	Reviewed int
}

// Paths returns the output's paths in order.
func (o *Output) Paths() []string { return slices.Sorted(maps.Keys(o.Files)) }

// Build builds the site from fsys, which holds content/, layouts/ and
// static/, and gives each file to emit as it is made, in the same order
// on every run (files are made on all cores, a few at a time): a large
// site is never held whole. Content problems are returned as
// content.Diagnostics (an error), before any file is made; a broken
// layout gives an error naming the layout file and line, and an error of
// emit stops the build. The warnings of a successful build are in the
// second result; the first counts the warnings accepted by
// content.ReviewedFile. Build keeps nothing between calls but what
// opt.Cache holds, and changes nothing it reads.
func Build(fsys fs.FS, opt Options, emit func(path string, data []byte) error) (reviewed int, _ content.Diagnostics, _ error) {
	opt.Cache.Begin()
	min := newMinifier()
	in, diags, err := prepare(fsys, opt, min)
	if err != nil {
		return 0, diags, err
	}
	files, err := in.files()
	if err != nil {
		return 0, diags, err
	}
	if err := files.render(min, emit); err != nil {
		return 0, diags, err
	}
	opt.Cache.End()
	return in.c.Reviewed, diags, nil
}

// BuildAll is Build with every file kept in memory, by path: for the
// dev server, gen check and the tests.
func BuildAll(fsys fs.FS, opt Options) (*Output, content.Diagnostics, error) {
	out := &Output{Files: map[string][]byte{}}
	reviewed, diags, err := Build(fsys, opt, func(path string, data []byte) error {
		out.Files[path] = data
		return nil
	})
	out.Reviewed = reviewed
	if err != nil {
		return nil, diags, err
	}
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
	c := content.Load(fsys, content.Options{Drafts: opt.Drafts})
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
	if !opt.NoCards {
		if in.painter, err = share.NewPainter(); err != nil {
			return nil, c.Diagnostics, err
		}
		// The painter's drawing, in the key of every card it draws: a
		// change of the drawing draws every card anew.
		ref, err := in.painter.PNG(share.Card{Site: "Aa", Kicker: "Bb · Cc", Title: "« Référence » — Ççé ’ € £ …", Facts: []string{"1er janvier 2020", "Dd"}, Amount: "20 000 000 €"})
		if err != nil {
			return nil, c.Diagnostics, err
		}
		in.drawing = sha256.Sum256(ref)
	}
	in.verified = c.Verified()
	in.sources = map[string]SourceView{}
	for _, e := range c.Events {
		in.byID[e.ID] = e
		for _, s := range e.Sources {
			if _, ok := in.sources[s.URL]; !ok { // the first event to list it names it
				in.sources[s.URL] = sourceView(s)
			}
		}
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
		results[i], _ = memo.Get(in.cache, func() memo.Sum {
			return memo.Key("body", codes, mdLang, j.l.Code, in.routes[j.l.Code], j.text.Body)
		}, func() (markdown.Result, error) { return md.Render(mdLang, j.text.Body, in.routes.resolver(j.l)), nil })
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
	reserved := map[string]string{"data": "the open data", "css": "the assets", "js": "the assets", "_gen": "the dev server", "admin": "the CMS", "pagefind": "the search index"}
	for _, l := range langs {
		if !l.Default {
			reserved[l.Code] = "the " + l.Code + " pages"
		}
		for _, sec := range []string{"events", "countries", "authorities", "kinds", "years", "provisions", "updates", "search"} {
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
