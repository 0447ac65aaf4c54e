package site

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestPageKinds holds the site to what lets the browser checks see most
// pages in one configuration (tools/checks/sample.mjs): the pages of a kind
// (the first segment of the path once the language's prefix is taken off:
// evenements, en/events, pays, a-propos; index.html, 404.html) are rendered
// by one template; no page has a style of its own (a style attribute or a
// <style> element); every page links the same stylesheets. So two pages of
// a kind differ only in the elements and classes their content puts in one
// template, which sample.mjs covers.
func TestPageKinds(t *testing.T) {
	sites := map[string]fs.FS{"the real site": repoRoot(), "the starter": exampleFS(t), "a paginated site": largeSiteFS(t, 120, 50, 50)}
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			min := newMinifier()
			in, _, err := prepare(fsys, Options{NoCards: true}, min)
			if err != nil {
				t.Fatal(err)
			}
			f, err := in.files()
			if err != nil {
				t.Fatal(err)
			}
			out := map[string][]byte{}
			if err := f.render(min, func(path string, data []byte) error { out[path] = data; return nil }); err != nil {
				t.Fatal(err)
			}
			var prefixes []string
			for _, l := range in.langs {
				if l.Prefix != "" {
					prefixes = append(prefixes, strings.TrimPrefix(l.Prefix, "/")+"/")
				}
			}
			templates := map[string]map[string]bool{} // kind → its templates
			var sheets []string
			for _, p := range f.pages {
				kind := kindOf(p.path, prefixes)
				if templates[kind] == nil {
					templates[kind] = map[string]bool{}
				}
				templates[kind][p.template] = true
				doc, err := html.Parse(bytes.NewReader(out[p.path]))
				if err != nil {
					t.Fatalf("%s: %v", p.path, err)
				}
				var links []string
				for n := range doc.Descendants() {
					if n.Type != html.ElementNode {
						continue
					}
					if n.Data == "style" {
						t.Errorf("%s: a <style> element: a page's styles are the stylesheet's", p.path)
					}
					if slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "style" }) {
						t.Errorf("%s: <%s style=%q>: a page's styles are the stylesheet's", p.path, n.Data, attr(n, "style"))
					}
					if n.Data == "link" && attr(n, "rel") == "stylesheet" {
						links = append(links, attr(n, "href"))
					}
				}
				got := strings.Join(links, " ")
				if sheets == nil {
					sheets = []string{got, p.path}
				} else if got != sheets[0] {
					t.Errorf("%s links the stylesheets %q, %s links %q", p.path, got, sheets[1], sheets[0])
				}
			}
			for kind, by := range templates {
				if len(by) > 1 {
					t.Errorf("the pages of kind %s come from %d templates: %v", kind, len(by), slices.Sorted(maps.Keys(by)))
				}
			}
			if len(templates) < 5 {
				t.Errorf("%d kinds of page, want the timeline, events, facets, pages and 404 at least", len(templates))
			}
		})
	}
}

// kindOf is the kind of the page at file p (en/events/x/index.html →
// en/events), as tools/checks/sample.mjs reads it.
func kindOf(p string, prefixes []string) string {
	for _, pre := range prefixes {
		if rest, ok := strings.CutPrefix(p, pre); ok {
			first, _, _ := strings.Cut(rest, "/")
			return pre + first
		}
	}
	first, _, _ := strings.Cut(p, "/")
	return first
}
