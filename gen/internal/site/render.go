package site

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
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
// open data, the sitemap, the CMS's configuration and page.
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
	data, sm := in.openData(), newSitemap(f.pages)
	f.extras = []extra{
		{"robots.txt", robots, func(*minifier) ([]byte, error) { return []byte(robots), nil }},
		{"data/events.json", data, func(*minifier) ([]byte, error) { return data.json() }},
		{"data/events.csv", data, func(*minifier) ([]byte, error) { return data.csv() }},
		{"sitemap.xml", sm, func(min *minifier) ([]byte, error) { return minified(min, "application/xml")(sm.xml()) }},
	}
	admin, err := in.admin()
	if err != nil {
		return nil, err
	}
	f.extras = append(f.extras, admin...)
	for _, v := range views {
		l := v.l
		feed := in.feedView(v, v.siteTitle, l.Prefix+"/", feedPath(l, "xml"), feedPath(l, "json"), in.c.Events)
		f.extras = append(f.extras,
			extra{feedPath(l, "xml")[1:], feed, func(min *minifier) ([]byte, error) { return minified(min, "application/atom+xml")(feed.atom()) }},
			extra{feedPath(l, "json")[1:], feed, func(*minifier) ([]byte, error) { return feed.jsonFeed() }})
		// Each facet has its Atom feed.
		for _, fc := range v.facets {
			events := make([]*content.Event, len(fc.events))
			for i, e := range fc.events {
				events[i] = in.byID[e.ID]
			}
			feed := in.feedView(v, fc.Label+" · "+v.siteTitle, fc.URL, fc.URL+"feed.xml", "", events)
			f.extras = append(f.extras, extra{fc.URL[1:] + "feed.xml", feed, func(min *minifier) ([]byte, error) { return minified(min, "application/atom+xml")(feed.atom()) }})
		}
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
	// Two pages may show the same card: it is one file.
	for _, p := range f.pages {
		if p.card != nil {
			out.Files[p.card.path] = p.card.png
		}
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
		// A page layout is drawn in base.html's frame, unless it is a
		// whole page of its own (the timeline to embed).
		root := "layouts/base.html"
		if p.template == "embed.html" {
			root = "layouts/embed.html"
		}
		if err := t.ExecuteTemplate(raw, root, p.view); err != nil {
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
