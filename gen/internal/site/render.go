package site

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"timeline/gen/internal/content"
	"timeline/gen/internal/memo"
)

// files is every output file of the site, each with its view, ready to
// be rendered: it holds no content, only views.
type files struct {
	theme  *theme
	cache  *memo.Cache
	pages  []page
	extras []extra
}

// extra is an output file that is not a page of the site: the feeds, the
// open data, the sitemap, the CMS's configuration and page. Like a page's,
// what it shows is made when the file is, and not kept.
type extra struct {
	path string
	make func(min *minifier) ([]byte, error)
}

// atomFile is the extra file of an Atom feed.
func atomFile(path string, feed func() *feedView) extra {
	return extra{path, func(min *minifier) ([]byte, error) { return minified(min, "application/atom+xml")(feed().atom()) }}
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
	pages := make([][]page, len(views))
	if err := forEach(len(views), func(i int) (err error) {
		pages[i], err = in.pages(views[i])
		return err
	}); err != nil {
		return nil, err
	}
	for _, p := range pages {
		f.pages = append(f.pages, p...)
	}
	robots := "User-agent: *\n"
	if in.opt.Preview {
		robots += "Disallow: /\n"
	} else {
		robots += "Allow: /\n\nSitemap: " + in.abs("/sitemap.xml") + "\n"
	}
	f.extras = []extra{
		{"robots.txt", func(*minifier) ([]byte, error) { return []byte(robots), nil }},
		{"data/events.json", func(*minifier) ([]byte, error) { return in.openData().json() }},
		{"data/events.csv", func(*minifier) ([]byte, error) { return in.openData().csv() }},
		{"sitemap.xml", func(min *minifier) ([]byte, error) {
			return minified(min, "application/xml")(newSitemap(f.pages).xml())
		}},
	}
	admin, err := in.admin()
	if err != nil {
		return nil, err
	}
	f.extras = append(f.extras, admin...)
	for _, v := range views {
		l := v.l
		feed := func() *feedView {
			return in.feedView(v, v.siteTitle, l.Prefix+"/", feedPath(l, "xml"), feedPath(l, "json"), in.c.Events)
		}
		f.extras = append(f.extras, atomFile(feedPath(l, "xml")[1:], feed),
			extra{feedPath(l, "json")[1:], func(*minifier) ([]byte, error) { return feed().jsonFeed() }})
		// Each facet has its Atom feed.
		for _, fc := range v.facets {
			f.extras = append(f.extras, atomFile(fc.URL[1:]+"feed.xml", func() *feedView {
				events := make([]*content.Event, len(fc.events))
				for i, e := range fc.events {
					events[i] = in.byID[e.ID]
				}
				return in.feedView(v, fc.Label+" · "+v.siteTitle, fc.URL, fc.URL+"feed.xml", "", events)
			}))
		}
	}
	return f, nil
}

// outFile is one file of the output.
type outFile struct {
	path string
	data []byte
}

// render makes every file and gives it to emit: the static files, the
// extra files, then each page after its share card, in that order, made
// on all cores (inOrder). Two pages may show the same card: it is given
// once; any other path given twice is an error.
func (f *files) render(min *minifier, emit func(path string, data []byte) error) error {
	seen := map[string]bool{}
	give := func(files []outFile) error {
		for _, o := range files {
			if seen[o.path] {
				if strings.HasPrefix(o.path, "cards/") {
					continue
				}
				return fmt.Errorf("%s: written twice", o.path)
			}
			seen[o.path] = true
			if err := emit(o.path, o.data); err != nil {
				return err
			}
		}
		return nil
	}
	var assets []outFile
	for _, p := range slices.Sorted(maps.Keys(f.theme.assets.files)) {
		assets = append(assets, outFile{p, f.theme.assets.files[p]})
	}
	if err := give(assets); err != nil {
		return err
	}
	return inOrder(len(f.extras)+len(f.pages), func(i int) ([]outFile, error) {
		if i < len(f.extras) {
			x := f.extras[i]
			data, err := x.make(min)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", x.path, err)
			}
			return []outFile{{x.path, data}}, nil
		}
		p := f.pages[i-len(f.extras)]
		view, card, err := p.view()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.path, err)
		}
		html, err := f.renderPage(min, p.template, view)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.path, err)
		}
		if card == nil {
			return []outFile{{p.path, html}}, nil
		}
		return []outFile{{card.path, card.png}, {p.path, html}}, nil
	}, give)
}

// inOrder runs job(0) … job(n-1) on all cores, a few ahead of the
// first not yet used at most, and gives their results to use in index
// order: whatever the scheduling, use sees the same sequence, and the
// first error in that order stops the rest.
func inOrder[T any](n int, job func(i int) (T, error), use func(T) error) error {
	type result struct {
		v   T
		err error
	}
	results := make([]chan result, n)
	for i := range results {
		results[i] = make(chan result, 1)
	}
	cores := runtime.GOMAXPROCS(0)
	// A job holds a token from before it is claimed until it is used:
	// claims are in index order, so the first unused job always runs.
	tokens := make(chan struct{}, 4*cores)
	var mu sync.Mutex
	next, stopped := 0, false
	var wg sync.WaitGroup
	for range cores {
		wg.Go(func() {
			for {
				tokens <- struct{}{}
				mu.Lock()
				i := next
				if stopped || i >= n {
					mu.Unlock()
					<-tokens
					return
				}
				next++
				mu.Unlock()
				v, err := job(i)
				results[i] <- result{v, err}
			}
		})
	}
	var err error
	i := 0
	for ; i < n && err == nil; i++ {
		r := <-results[i]
		<-tokens
		if err = r.err; err == nil {
			err = use(r.v)
		}
	}
	mu.Lock()
	stopped, claimed := true, next
	mu.Unlock()
	for ; i < claimed; i++ { // the jobs already under way
		<-results[i]
		<-tokens
	}
	wg.Wait()
	return err
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

// renderPage runs the page layout template on the view and minifies the
// result.
func (f *files) renderPage(min *minifier, template string, view *Page) ([]byte, error) {
	return memo.Get(f.cache, func() memo.Sum { return memo.Key("page", f.theme.sum, template, view) }, func() ([]byte, error) {
		t := f.theme.pages[template]
		if t == nil {
			return nil, fmt.Errorf("no layout layouts/%s", template)
		}
		raw, minified := getBuffer(), getBuffer()
		defer putBuffer(raw)
		defer putBuffer(minified)
		// A page layout is drawn in base.html's frame, unless it is a
		// whole page of its own (the timeline to embed).
		root := "layouts/base.html"
		if template == "embed.html" {
			root = "layouts/embed.html"
		}
		if err := t.ExecuteTemplate(raw, root, view); err != nil {
			return nil, err
		}
		if bytes.Contains(raw.Bytes(), []byte("ZgotmplZ")) {
			return nil, errZgotmpl
		}
		if err := min.html(minified, raw); err != nil {
			return nil, err
		}
		return bytes.Clone(minified.Bytes()), nil
	})
}

// forEach runs f(0) … f(n-1) on all cores, and returns the first error in
// index order, whatever the scheduling.
func forEach(n int, f func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				errs[i] = f(i)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
