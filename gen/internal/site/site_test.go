package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// realSite builds the repository's own content, layouts and static files.
func realSite(t testing.TB, fsys fs.FS) *Output {
	t.Helper()
	out, diags, err := NewBuilder().Build(fsys, Options{})
	if err != nil {
		t.Fatalf("building the real site: %v\n%v", err, diags)
	}
	return out
}

func repoRoot() fs.FS { return os.DirFS("../../..") }

// parsed is an HTML page of the output: its ids and same-site links.
type parsed struct {
	ids   map[string]bool
	links []string
}

func parseOutput(t testing.TB, out *Output) map[string]*parsed {
	t.Helper()
	pages := map[string]*parsed{}
	for _, p := range out.Paths() {
		if path.Ext(p) != ".html" {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(out.Files[p]))
		if err != nil {
			t.Errorf("%s: does not parse: %v", p, err)
			continue
		}
		pg := &parsed{ids: map[string]bool{}}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "id":
					if pg.ids[a.Val] {
						t.Errorf("%s: id %q used twice", p, a.Val)
					}
					pg.ids[a.Val] = true
				case a.Key == "href" && n.Data != "link" || a.Key == "src":
					pg.links = append(pg.links, a.Val)
				case a.Key == "href" && n.Data == "link":
					if rel := attr(n, "rel"); rel == "stylesheet" || rel == "icon" {
						pg.links = append(pg.links, a.Val)
					}
				}
			}
		}
		pages[p] = pg
	}
	return pages
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// target maps a same-site URL path to the output file that serves it.
func target(out *Output, p string) (string, bool) {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	_, ok := out.Files[p]
	return p, ok
}

// checkLinks reports every same-site link or anchor that leads nowhere.
func checkLinks(t testing.TB, out *Output) int {
	t.Helper()
	pages := parseOutput(t, out)
	n := 0
	for p, pg := range pages {
		base := &url.URL{Path: "/" + strings.TrimSuffix(p, "index.html")}
		for _, l := range pg.links {
			u, err := url.Parse(l)
			if err != nil {
				t.Errorf("%s: link %q: %v", p, l, err)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" {
					t.Errorf("%s: link %q: scheme %s", p, l, u.Scheme)
				}
				continue
			}
			n++
			abs := base.ResolveReference(u)
			file, ok := target(out, abs.Path)
			if !ok {
				t.Errorf("%s: link %q: no file %s", p, l, file)
				continue
			}
			if u.Fragment != "" {
				tp := pages[file]
				if tp == nil || !tp.ids[u.Fragment] {
					t.Errorf("%s: link %q: no id %q in %s", p, l, u.Fragment, file)
				}
			}
		}
	}
	return n
}

func TestRealSiteLinks(t *testing.T) {
	out := realSite(t, repoRoot())
	if n := checkLinks(t, out); n < 1000 {
		t.Errorf("only %d same-site links checked", n)
	}
	if d := CheckLinks(out); len(d) > 0 {
		t.Errorf("CheckLinks:\n%v", d)
	}
}

// TestCheckLinksFindsBreakage shows that the link checker can fail.
func TestCheckLinksFindsBreakage(t *testing.T) {
	out := &Output{Files: map[string][]byte{
		"index.html":   []byte(`<!doctype html><title>x</title><a href="/a/">a</a><a href="/missing/">m</a><a href="/a/#nope">n</a><a href="javascript:x()">j</a>`),
		"a/index.html": []byte(`<!doctype html><title>a</title><h2 id="here">h</h2>`),
	}}
	got := CheckLinks(out).Error()
	for _, want := range []string{`link "/missing/" leads nowhere`, `no id "nope"`, `link "javascript:x()"`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}

func TestRealSitePages(t *testing.T) {
	fsys := repoRoot()
	out := realSite(t, fsys)
	for _, p := range []string{"index.html", "en/index.html", "404.html", "en/404.html", "sitemap.xml", "robots.txt", "data/events.json", "data/events.csv"} {
		if _, ok := out.Files[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	entries, err := fs.ReadDir(fsys, "content/events")
	if err != nil {
		t.Fatal(err)
	}
	ids := 0
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".md")
		if !ok || strings.Contains(id, ".") {
			continue
		}
		ids++
		for _, p := range []string{"evenements/" + id + "/index.html", "en/events/" + id + "/index.html"} {
			if _, ok := out.Files[p]; !ok {
				t.Errorf("no page %s", p)
			}
		}
	}
	if ids < 30 {
		t.Errorf("only %d events", ids)
	}
	min := newMinifier()
	for _, p := range out.Paths() {
		b := out.Files[p]
		if bytes.Contains(b, []byte("ZgotmplZ")) || bytes.Contains(b, []byte("⟦")) {
			t.Errorf("%s: holds ZgotmplZ or a missing word ⟦…⟧", p)
		}
		if path.Ext(p) == ".html" {
			again, err := min.html(b)
			if err != nil || !bytes.Equal(again, b) {
				t.Errorf("%s: not minified: minifying it again changes it (%d → %d bytes, %v)", p, len(b), len(again), err)
			}
		}
	}
}

// reversedFS lists every folder in reverse order, to show that the output
// does not depend on the order of files on disk.
type reversedFS struct{ fs.FS }

func (r reversedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(r.FS, name)
	slices.Reverse(es)
	return es, err
}

func TestDeterministic(t *testing.T) {
	a := realSite(t, repoRoot())
	b := realSite(t, reversedFS{repoRoot()})
	if !slices.Equal(a.Paths(), b.Paths()) {
		t.Fatal("the two builds have different files")
	}
	for _, p := range a.Paths() {
		if sha256.Sum256(a.Files[p]) != sha256.Sum256(b.Files[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestHomeBudget gzips what the home page loads (its HTML, stylesheet and
// script): under 30 KB in all, in each language; no script blocks
// rendering and nothing comes from another origin.
func TestHomeBudget(t *testing.T) {
	out := realSite(t, repoRoot())
	for _, home := range []string{"index.html", "en/index.html"} {
		doc, err := html.Parse(bytes.NewReader(out.Files[home]))
		if err != nil {
			t.Fatal(err)
		}
		loads := []string{home}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			var ref string
			switch {
			case n.Data == "script" && attr(n, "src") != "":
				ref = attr(n, "src")
				if !hasAttr(n, "defer") && !hasAttr(n, "async") && attr(n, "type") != "module" {
					t.Errorf("%s: script %s blocks rendering", home, ref)
				}
			case n.Data == "script" && attr(n, "type") != "application/ld+json":
				t.Errorf("%s: inline script", home)
			case n.Data == "link" && (attr(n, "rel") == "stylesheet" || attr(n, "rel") == "icon" || attr(n, "rel") == "preload"):
				ref = attr(n, "href")
			case n.Data == "img" || n.Data == "iframe" || n.Data == "source" || n.Data == "video" || n.Data == "audio":
				ref = attr(n, "src")
			}
			if ref == "" {
				continue
			}
			if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
				t.Errorf("%s: loads %s from another origin", home, ref)
				continue
			}
			if attr(n, "rel") != "icon" {
				loads = append(loads, strings.TrimPrefix(ref, "/"))
			}
		}
		total := 0
		for _, p := range loads {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(out.Files[p])
			zw.Close()
			total += buf.Len()
		}
		t.Logf("%s: %d files, %d bytes gzipped", home, len(loads), total)
		if len(loads) < 3 {
			t.Errorf("%s: only %v loaded; expected the page, its stylesheet and its script", home, loads)
		}
		if total >= 30*1024 {
			t.Errorf("%s: %d bytes gzipped; the budget is 30 KB", home, total)
		}
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestScriptAndStructuredData: the one script stays under 3 KB minified,
// and the JSON-LD of every page is a JSON object, encoded once.
func TestScriptAndStructuredData(t *testing.T) {
	out := realSite(t, repoRoot())
	for _, p := range out.Paths() {
		if strings.HasPrefix(p, "js/") && len(out.Files[p]) >= 3*1024 {
			t.Errorf("%s: %d bytes; the budget is 3 KB", p, len(out.Files[p]))
		}
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(out.Files[p]))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for el := range doc.Descendants() {
			if el.Type != html.ElementNode || el.Data != "script" || attr(el, "type") != "application/ld+json" {
				continue
			}
			n++
			var v map[string]any
			if err := json.Unmarshal([]byte(textOf(el)), &v); err != nil {
				t.Errorf("%s: JSON-LD is not a JSON object: %v", p, err)
			} else if v["@context"] != "https://schema.org" {
				t.Errorf("%s: JSON-LD without the schema.org context", p)
			}
		}
		if n != 1 {
			t.Errorf("%s: %d JSON-LD blocks", p, n)
		}
	}
}
