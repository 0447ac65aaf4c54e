package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"clearviewtimeline/gen/internal/content"
	"clearviewtimeline/gen/internal/markdown"
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
	// Incremental trusts the Builder's memory of the files it read, except
	// those named to Invalidate since: for the dev server's watcher.
	Incremental bool
	// Sink, when set, receives each output file as soon as it is made, from
	// several goroutines, and the build keeps none of them: the returned
	// Output is empty and the Builder remembers nothing for a next build.
	// This is how gen build writes a large site in little memory.
	Sink func(path string, data []byte) error
}

func (o Options) sum() uint64 {
	return content.Mix(content.Sum([]byte(o.BaseURL+"\x00"+o.Script)), uint64(o.Now.Y), uint64(o.Now.M), uint64(o.Now.D),
		boolSum(o.Drafts), boolSum(o.Preview))
}

func boolSum(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// Output is the built site: every file's bytes by its path under the
// output folder ("index.html", "en/events/x/index.html").
type Output struct {
	Files map[string][]byte
}

// Paths returns the output's paths in order.
func (o *Output) Paths() []string {
	ps := make([]string, 0, len(o.Files))
	for p := range o.Files {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	return ps
}

// Builder builds the site. It keeps what does not change between builds
// (the Markdown renderers, the minifier, the parsed layouts and content
// files) so that the dev server's rebuilds redo only what an edit touched.
// Build may not be called concurrently.
type Builder struct {
	loader content.Loader
	// pages remembers each page's key and bytes: a page whose key has not
	// changed is not rendered again.
	pages     map[string]cachedPage
	extras    cachedExtras
	rendered  []string
	cards     map[string]cachedCard // by language and id
	typo      typoMemo
	langs     []*Lang
	langsSum  uint64
	assetSet  *assetSet
	assetsSum uint64
	min       *minifier
	md        *markdown.Renderer
	mdLangs   string
	layouts   *layouts
	bodies    map[bodyKey]markdown.Result
	nextBody  map[bodyKey]markdown.Result
	// noSlots minifies shared fragments again in every page (slots.go),
	// for the tests that compare both ways.
	noSlots bool
	// fallbacks counts the pages minified whole because a placeholder
	// was not found as written.
	fallbacks atomic.Int64
	slotCount int // fragments with a placeholder in the last build
	// slow counts the templates run by html/template rather than
	// htmlexec; noFast runs them all so, for the tests that compare.
	slow   atomic.Int64
	noFast bool
}

// bodyKey identifies a rendered body: its language, its bytes (by
// fingerprint and length) and the names its links could resolve to.
type bodyKey struct {
	lang  string
	sum   uint64
	size  int
	names uint64
}

type cachedPage struct {
	key  uint64
	data []byte
}

type cachedCard struct {
	key  uint64
	html string // minified
}

type cachedExtras struct {
	key   uint64
	files map[string][]byte
}

// Rendered lists the pages the last build rendered, in page order; the
// others were the same as in the build before.
func (b *Builder) Rendered() []string { return slices.Clone(b.rendered) }

// Invalidate tells the Builder that files have changed, for a build with
// Options.Incremental.
func (b *Builder) Invalidate(paths ...string) { b.loader.Invalidate(paths...) }

// NewBuilder returns a Builder.
func NewBuilder() *Builder {
	return &Builder{min: newMinifier()}
}

// Build builds the site from fsys, which holds content/, layouts/ and
// static/. Content problems are returned as content.Diagnostics (an
// error); a broken layout gives an error naming the layout file and line.
// The warnings of a successful build are in the second result.
func (b *Builder) Build(fsys fs.FS, opt Options) (*Output, content.Diagnostics, error) {
	// The layouts and the assets do not depend on the content: they are
	// read while it loads. Errors are reported in the same order all the
	// same: the content's first, then the layouts', then the assets'.
	type prepared struct {
		layouts             *layouts
		assets              *assetSet
		layoutErr, assetErr error
	}
	prep := make(chan prepared, 1)
	go func() {
		var p prepared
		p.layouts, p.layoutErr = loadLayouts(fsys, b.layouts)
		if p.layoutErr == nil {
			p.assets, p.assetErr = b.cachedAssets(fsys)
		}
		prep <- p
	}()
	c := b.loader.Load(fsys, content.Options{Drafts: opt.Drafts, Trust: opt.Incremental})
	p := <-prep
	b.layouts = p.layouts
	if errs := c.Diagnostics.Errors(); len(errs) > 0 {
		return nil, c.Diagnostics, errs
	}
	langs, langsSum, err := b.loadLangs(fsys, c.Site.Languages)
	if err != nil {
		return nil, c.Diagnostics, err
	}
	if key := strings.Join(c.Site.Languages, ","); b.md == nil || b.mdLangs != key {
		b.md, b.mdLangs = markdown.New(c.Site.Languages), key
	}
	if p.layoutErr != nil {
		return nil, c.Diagnostics, p.layoutErr
	}
	if p.assetErr != nil {
		return nil, c.Diagnostics, p.assetErr
	}
	assets := p.assets
	s := newState(c, langs, opt, assets, &b.typo)
	s.slots.off = b.noSlots
	s.global = content.Mix(c.DataSum, b.layouts.sum, langsSum, b.assetsSum, opt.sum(), s.structureSum())
	// The cards, menu and footer need no body: they render beside them.
	cardsDone := make(chan error, 1)
	go func() { cardsDone <- b.renderCards(s) }()
	diags := append(s.checkSlugs(), b.renderBodies(s)...)
	cardsErr := <-cardsDone
	if errs := diags.Errors(); len(errs) > 0 {
		all := append(slices.Clone(c.Diagnostics), diags...)
		all.Sort()
		return nil, all, errs
	}
	if opt.Sink != nil {
		// A one-shot build: the Markdown sources are rendered and no
		// longer needed, nor is the memory of the files read.
		b.loader = content.Loader{}
		for _, e := range c.Events {
			for _, t := range e.Texts {
				t.Body = nil
			}
		}
		for _, p := range c.Pages {
			for _, t := range p.Texts {
				t.Body = nil
			}
		}
	}
	if cardsErr != nil {
		return nil, c.Diagnostics, cardsErr
	}
	b.slotCount = len(s.slots.frags)
	out := &Output{Files: make(map[string][]byte, 4*len(c.Events)+64)}
	for p, a := range assets.files {
		if err := s.emit(out, p, a); err != nil {
			return nil, c.Diagnostics, err
		}
	}
	if err := b.renderPages(s, out); err != nil {
		return nil, c.Diagnostics, err
	}
	all := append(slices.Clone(c.Diagnostics), diags...)
	all.Sort()
	return out, all, nil
}

// renderBodies turns every Markdown body into HTML, on all cores, and
// checks the links between content files.
func (b *Builder) renderBodies(s *state) content.Diagnostics {
	type job struct {
		text   *content.Text
		lang   string
		name   string
		target *template.HTML
	}
	var jobs []job
	for _, l := range s.langs {
		for _, v := range s.events[l.Code] {
			jobs = append(jobs, job{v.Text, l.Code, v.E.ID, &v.Body})
		}
		for _, p := range s.pages[l.Code] {
			jobs = append(jobs, job{p.Text, l.Code, p.P.Key, &p.Body})
		}
	}
	results := make([]markdown.Result, len(jobs))
	b.nextBody = make(map[bodyKey]markdown.Result, len(jobs))
	var mu sync.Mutex
	parallel(len(jobs), func(i int) {
		j := jobs[i]
		l := s.lang(j.lang)
		// A fallback text is rendered with its own language's rules.
		mdLang := j.lang
		if j.text.Fallback {
			mdLang = s.langs[0].Code
		}
		key := bodyKey{lang: mdLang + "/" + j.lang, sum: j.text.BodySum, size: len(j.text.Body), names: s.namesSum}
		mu.Lock()
		r, ok := b.bodies[key]
		mu.Unlock()
		if !ok {
			r = b.md.Render(mdLang, j.text.Body, func(name string) (string, bool) { return s.resolve(l, name) })
		}
		if s.opt.Sink == nil { // a one-shot build remembers nothing
			mu.Lock()
			b.nextBody[key] = r
			mu.Unlock()
		}
		*j.target = template.HTML(r.HTML)
		r.HTML = nil // the page keeps its own copy
		results[i] = r
	})
	b.bodies, b.nextBody = b.nextBody, nil
	if s.opt.Sink != nil {
		b.bodies = nil // nothing is kept for a next build
	}

	ids := map[string]map[string]bool{}
	for i, j := range jobs {
		set := map[string]bool{}
		for _, id := range results[i].IDs {
			set[id] = true
		}
		ids[j.lang+"/"+j.name] = set
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
			if ids[j.lang+"/"+r.Name][r.Fragment] || templateIDs[r.Fragment] {
				continue
			}
			line, col := at(r.Offset)
			diags = append(diags, content.Diagnostic{Path: j.text.Path, Line: line, Col: col, Field: "body",
				Problem: fmt.Sprintf("link to %s.md#%s: no such anchor", r.Name, r.Fragment), Expected: "the id of a heading of " + r.Name + ".md in the same language"})
		}
	}
	diags.Sort()
	return diags
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

// parallel runs f(0) … f(n-1) on all cores.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	wg.Wait()
}

// page is one HTML file to render: its template and data.
type page struct {
	path     string // output path, e.g. en/events/x/index.html
	key      uint64 // fingerprint of everything the page shows
	template string
	data     *pageData
}

func (b *Builder) renderPages(s *state, out *Output) error {
	pages := s.pages_()
	results := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	var todo []int
	for i, p := range pages {
		if c, ok := b.pages[p.path]; ok && c.key == p.key {
			results[i] = c.data
		} else {
			todo = append(todo, i)
		}
	}
	seen := make(map[string]bool, len(pages))
	for _, p := range pages {
		if seen[p.path] {
			return fmt.Errorf("%s: written twice", p.path)
		}
		seen[p.path] = true
	}
	// The feeds, the open data and the sitemap are made while the pages
	// render: they read the same views and write nothing the pages read.
	type extrasResult struct {
		files map[string][]byte
		err   error
	}
	var extrasDone chan extrasResult
	extrasKey := s.extrasKey()
	if b.extras.files == nil || b.extras.key != extrasKey {
		extrasDone = make(chan extrasResult, 1)
		go func() {
			files, err := s.extras(b.min, pages)
			extrasDone <- extrasResult{files, err}
		}()
	}
	sink := s.opt.Sink
	parallel(len(todo), func(j int) {
		i := todo[j]
		out := bufs.Get().(*bytes.Buffer)
		defer bufs.Put(out)
		out.Reset()
		if errs[i] = b.renderPage(pages[i], out); errs[i] != nil {
			return
		}
		if sink == nil {
			results[i] = bytes.Clone(out.Bytes())
			return
		}
		errs[i] = sink(pages[i].path, out.Bytes()) // written: keep nothing
		if v := pages[i].data.Event; v != nil {
			v.Body = "" // no other page shows it
		}
	})
	b.rendered = b.rendered[:0]
	for _, i := range todo {
		b.rendered = append(b.rendered, pages[i].path)
	}
	var extrasErr error
	if extrasDone != nil {
		r := <-extrasDone
		if extrasErr = r.err; extrasErr == nil {
			b.extras = cachedExtras{extrasKey, r.files}
		}
	}
	for i, err := range errs { // the first error in page order, whatever the scheduling
		if err != nil {
			return fmt.Errorf("%s: %w", pages[i].path, err)
		}
	}
	if extrasErr != nil {
		return extrasErr
	}
	extras := b.extras.files
	if sink == nil {
		cache := make(map[string]cachedPage, len(pages))
		for i, p := range pages {
			out.Files[p.path] = results[i]
			cache[p.path] = cachedPage{p.key, results[i]}
		}
		b.pages = cache
	} else {
		b.pages = nil
	}
	if sink != nil {
		b.extras = cachedExtras{}
	}
	for p, data := range extras {
		if seen[p] {
			return fmt.Errorf("%s: written twice", p)
		}
		if err := s.emit(out, p, data); err != nil {
			return err
		}
	}
	return nil
}

// emit hands a file to the sink, or keeps it in the output.
func (s *state) emit(out *Output, p string, data []byte) error {
	if s.opt.Sink != nil {
		return s.opt.Sink(p, data)
	}
	if _, dup := out.Files[p]; dup {
		return fmt.Errorf("%s: written twice", p)
	}
	out.Files[p] = data
	return nil
}

// cardTemplate is the partial every list of events shows each event with.
const cardTemplate = "layouts/partials/event-card.html"

// sharedFragments are the partials rendered on their own, with
// home.html's templates, and put in every page.
var sharedFragments = []string{cardTemplate, "layouts/partials/menu.html", "layouts/partials/footer.html", "layouts/partials/head.html"}

// renderCards renders each event's card once per language, on all cores,
// reusing the previous build's card when nothing it shows has changed.
func (b *Builder) renderCards(s *state) error {
	var views []*EventView
	for _, l := range s.langs {
		views = append(views, s.events[l.Code]...)
	}
	t := b.layouts.get("home.html")
	if t == nil || t.Lookup(cardTemplate) == nil {
		return fmt.Errorf("%s: missing", cardTemplate)
	}
	keys := make([]uint64, len(views))
	errs := make([]error, len(views))
	next := make(map[string]cachedCard, len(views))
	var mu sync.Mutex
	parallel(len(views), func(i int) {
		v := views[i]
		sums := []uint64{s.global, v.E.CardSum(v.L.Code)}
		for _, o := range v.Chain {
			sums = append(sums, o.E.CardSum(v.L.Code))
		}
		keys[i] = content.Mix(sums...)
		id := v.L.Code + "/" + v.E.ID
		mu.Lock()
		c, ok := b.cards[id]
		mu.Unlock()
		if !ok || c.key != keys[i] {
			var buf bytes.Buffer
			if errs[i] = b.execute(&buf, "home.html", cardTemplate, v); errs[i] != nil {
				return
			}
			var frag []byte
			if frag, errs[i] = b.fragment(buf.Bytes()); errs[i] != nil {
				return
			}
			c = cachedCard{keys[i], string(frag)}
		}
		mu.Lock()
		next[id] = c
		mu.Unlock()
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	b.cards = next
	if s.opt.Sink != nil {
		b.cards = nil
	}
	for _, v := range views { // in page order: the slot numbers do not depend on the scheduling
		v.Card = s.slots.add(next[v.L.Code+"/"+v.E.ID].html)
	}
	// The fragments every page of a language shares.
	s.menu, s.footer, s.sharedHead = map[string]template.HTML{}, map[string]template.HTML{}, map[string]template.HTML{}
	for _, l := range s.langs {
		// Any page of the language that is not in the menu: the
		// home page, whose alternates are the other languages' homes.
		d := s.head(&pageData{s: s, L: l, Layout: "event", Path: "\x00", alt: func(o *Lang) string { return s.home(o) }})
		for name, dst := range map[string]map[string]template.HTML{"layouts/partials/menu.html": s.menu, "layouts/partials/footer.html": s.footer, "layouts/partials/head.html": s.sharedHead} {
			var buf bytes.Buffer
			if err := b.execute(&buf, "home.html", name, d); err != nil {
				return err
			}
			frag, err := b.fragment(buf.Bytes())
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			dst[l.Code] = s.slots.add(string(frag))
		}
	}
	return nil
}

var errZgotmpl = errors.New("a template wrote ZgotmplZ: html/template refused an unsafe value")

// bufs holds the buffers pages are rendered and minified in, reused
// from page to page instead of allocated for each.
var bufs = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 32<<10)) }}

// renderPage renders p and appends it, minified, to out.
func (b *Builder) renderPage(p page, out *bytes.Buffer) error {
	buf := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(buf)
	buf.Reset()
	if err := b.execute(buf, p.template, "layouts/base.html", p.data); err != nil {
		return err
	}
	if bytes.Contains(buf.Bytes(), []byte("ZgotmplZ")) {
		return errZgotmpl
	}
	sl := &p.data.s.slots
	mbuf := bufs.Get().(*bytes.Buffer)
	defer bufs.Put(mbuf)
	mbuf.Reset()
	if err := b.min.html(mbuf, buf); err != nil {
		return err
	}
	if sl.expand(out, mbuf.Bytes()) {
		return nil
	}
	// A placeholder the minifier did not leave as it was: the whole page
	// is minified again, fragments included.
	b.fallbacks.Add(1)
	buf.Reset()
	if err := b.execute(buf, p.template, "layouts/base.html", p.data); err != nil {
		return err
	}
	whole := bytes.NewBuffer(sl.expandRaw(buf.Bytes()))
	return b.min.html(out, whole)
}

// execute runs a template of a page layout, with htmlexec unless noFast.
func (b *Builder) execute(buf *bytes.Buffer, page, name string, data any) error {
	return b.layouts.execute(buf, page, name, data, !b.noFast, &b.slow)
}

// fragment minifies a fragment many pages share, rendered by a layout.
func (b *Builder) fragment(raw []byte) ([]byte, error) {
	if bytes.Contains(raw, []byte("ZgotmplZ")) {
		return nil, errZgotmpl
	}
	return b.min.bytes("text/html", bytes.TrimSpace(raw))
}
