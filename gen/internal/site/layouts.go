package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync/atomic"

	"clearviewtimeline/gen/internal/content"
	"clearviewtimeline/gen/internal/htmlexec"
)

// layouts is the parsed layouts/ folder. Each template is named by its
// path ("layouts/event.html"), so that an error reads layouts/event.html:12.
// layouts/base.html and layouts/partials/*.html are shared; every other
// .html file is a page layout defining "main", parsed into its own clone.
type layouts struct {
	src   map[string]string
	sum   uint64
	pages map[string]*template.Template // by file name: "event.html"
	// fast holds each page layout's templates compiled by htmlexec, when
	// it could compile them; a page it cannot run is run by html/template.
	fast    map[string]*htmlexec.Set
	fastErr map[string]error // why a page layout is not in fast
}

func (l *layouts) get(name string) *template.Template { return l.pages[name] }

// execute runs the template name of the page layout page into buf: with
// htmlexec when useFast and it can, else with html/template, which also
// gives the error of a template that fails. slow counts the second kind.
func (l *layouts) execute(buf *bytes.Buffer, page, name string, data any, useFast bool, slow *atomic.Int64) error {
	t := l.pages[page]
	if t == nil {
		return fmt.Errorf("no layout layouts/%s", page)
	}
	if fast := l.fast[page]; fast != nil && useFast {
		n := buf.Len()
		if fast.Execute(buf, name, data) == nil {
			return nil
		}
		buf.Truncate(n)
	}
	slow.Add(1)
	return t.ExecuteTemplate(buf, name, data)
}

// loadLayouts parses layouts/, or returns prev when no file changed.
func loadLayouts(fsys fs.FS, prev *layouts) (*layouts, error) {
	src := map[string]string{}
	err := fs.WalkDir(fsys, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(p) != ".html" {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		src[p] = string(b)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if prev != nil && maps.Equal(prev.src, src) {
		return prev, nil
	}
	var shared, pageFiles []string
	for p := range src {
		if p == "layouts/base.html" || strings.HasPrefix(p, "layouts/partials/") {
			shared = append(shared, p)
		} else {
			pageFiles = append(pageFiles, p)
		}
	}
	slices.Sort(shared)
	slices.Sort(pageFiles)
	if !slices.Contains(shared, "layouts/base.html") {
		return nil, fmt.Errorf("layouts/base.html: missing")
	}
	root := template.New("layouts").Funcs(funcs)
	for _, p := range shared {
		if _, err := root.New(p).Parse(src[p]); err != nil {
			return nil, err
		}
	}
	l := &layouts{src: src, pages: map[string]*template.Template{}, fast: map[string]*htmlexec.Set{}, fastErr: map[string]error{}}
	names := make([]string, 0, len(src))
	for p := range src {
		names = append(names, p)
	}
	slices.Sort(names)
	for _, p := range names {
		l.sum = content.Mix(l.sum, content.Sum([]byte(p)), content.Sum([]byte(src[p])))
	}
	for _, p := range pageFiles {
		t, err := root.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.New(p).Parse(src[p]); err != nil {
			return nil, err
		}
		if t.Lookup("main") == nil {
			return nil, fmt.Errorf("%s: defines no \"main\" template", p)
		}
		l.pages[strings.TrimPrefix(p, "layouts/")] = t
		// Any failure here (a context html/template refuses, something
		// htmlexec does not run) is left to html/template to meet, and
		// report, when the pages are rendered.
		names := []string{"layouts/base.html"}
		if p == "layouts/home.html" {
			names = append(names, sharedFragments...)
		}
		if fast, err := htmlexec.Compile(t, funcs, names...); err == nil {
			l.fast[strings.TrimPrefix(p, "layouts/")] = fast
		} else {
			l.fastErr[strings.TrimPrefix(p, "layouts/")] = err
		}
	}
	return l, nil
}

// funcs are the few template functions; the rest are methods of the
// page data, so that they know the page's language.
var funcs = template.FuncMap{
	"lower": strings.ToLower,
	"add":   func(a, b int) int { return a + b },
	"last":  func(i, n int) bool { return i == n-1 },
	"join":  strings.Join,
}
