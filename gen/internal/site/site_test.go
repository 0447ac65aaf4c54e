package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"timeline/gen/internal/content"
	"timeline/gen/internal/starter"
)

// realSite builds the repository's own content, layouts and static files.
// The tests share one build of the repository as it is (they read it,
// never change it).
func realSite(t testing.TB, fsys fs.FS) *Output {
	t.Helper()
	if fsys == repoRoot() {
		real.once.Do(func() { real.out, real.diags, real.err = BuildAll(fsys, Options{}) })
		if real.err != nil {
			t.Fatalf("building the real site: %v\n%v", real.err, real.diags)
		}
		return real.out
	}
	out, diags, err := BuildAll(fsys, Options{})
	if err != nil {
		t.Fatalf("building the real site: %v\n%v", err, diags)
	}
	return out
}

var real struct {
	once  sync.Once
	out   *Output
	diags content.Diagnostics
	err   error
}

func repoRoot() fs.FS { return os.DirFS("../../..") }

// embedded reports whether p is the timeline to embed, a page that other
// sites frame and that is never indexed.
func embedded(p string) bool {
	return p == "embed/index.html" || strings.HasSuffix(p, "/embed/index.html")
}

// cmsFile reports whether p is a file of /admin/, the CMS (package cms): a
// tool for editors rather than a page of the site, with its own header
// rule and its own tests (TestAdmin, gen/internal/cms, tools/checks/cms.spec.mjs).
func cmsFile(p string) bool { return strings.HasPrefix(p, "admin/") }

func attr(n *html.Node, key string) string { return attrOf(n, key) }

func TestRealSiteLinks(t *testing.T) {
	out := realSite(t, repoRoot())
	d, n := checkLinks(out)
	if len(d) > 0 {
		t.Errorf("broken links:\n%v", d)
	}
	if n < 1000 {
		t.Errorf("only %d same-site links checked", n)
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
			again, err := min.bytes("text/html", b)
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
		total := pageWeight(t, out, home)
		if total >= 30*1024 {
			t.Errorf("%s: %d bytes gzipped; the budget is 30 KB", home, total)
		}
		// The timeline to embed, in another site's page, weighs no more.
		embed := strings.TrimSuffix(home, "index.html") + "embed/index.html"
		if e := pageWeight(t, out, embed); e > total {
			t.Errorf("%s: %d bytes gzipped, more than %s's %d", embed, e, home, total)
		}
	}
}

// pageWeight is what page p loads, gzipped: the page, its stylesheet and
// its script (all from the site itself), the icon aside.
func pageWeight(t *testing.T, out *Output, page string) int {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(out.Files[page]))
	if err != nil {
		t.Fatal(err)
	}
	loads := []string{page}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		var ref string
		switch {
		case n.Data == "script" && attr(n, "src") != "":
			ref = attr(n, "src")
			if !hasAttr(n, "defer") && !hasAttr(n, "async") && attr(n, "type") != "module" {
				t.Errorf("%s: script %s blocks rendering", page, ref)
			}
		case n.Data == "script" && attr(n, "type") != "application/ld+json":
			t.Errorf("%s: inline script", page)
		case n.Data == "link" && (attr(n, "rel") == "stylesheet" || attr(n, "rel") == "icon" || attr(n, "rel") == "preload"):
			ref = attr(n, "href")
		case n.Data == "img" || n.Data == "iframe" || n.Data == "source" || n.Data == "video" || n.Data == "audio":
			ref = attr(n, "src")
		}
		if ref == "" {
			continue
		}
		if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
			t.Errorf("%s: loads %s from another origin", page, ref)
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
	t.Logf("%s: %d files, %d bytes gzipped", page, len(loads), total)
	if len(loads) < 3 {
		t.Errorf("%s: only %v loaded; expected the page, its stylesheet and its script", page, loads)
	}
	return total
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
		if n != 1 && !embedded(p) && !cmsFile(p) {
			t.Errorf("%s: %d JSON-LD blocks", p, n)
		}
	}
}

// exampleFS is the starter timeline's content (what gen init writes) over
// the repository's layouts and static files.
func exampleFS(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := repoFS(t)
	src := starter.Files()
	err := fs.WalkDir(src, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(src, p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// TestExampleTimeline builds the starter timeline, on another subject,
// with the layouts of this one: nothing in the engine or the theme names
// this timeline's subject, and the example builds with no warning and no
// broken link.
func TestExampleTimeline(t *testing.T) {
	out, diags, err := BuildAll(exampleFS(t), Options{})
	if err != nil || len(diags) > 0 {
		t.Fatalf("%v\n%v", err, diags)
	}
	if broken, n := checkLinks(out); len(broken) > 0 || n < 50 {
		t.Errorf("%d links checked; broken:\n%v", n, broken)
	}
	for _, p := range []string{"evenements/2024-11-18-apd-sanction/index.html", "en/events/2024-03-04-apd-mise-en-demeure/index.html", "a-propos/index.html", "en/about/index.html", "feed.xml"} {
		if _, ok := out.Files[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	real, err := fs.ReadFile(repoRoot(), "content/data/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	subject := regexp.MustCompile(`(?m)^subject: (.+)$`).FindSubmatch(real)
	if subject == nil {
		t.Fatal("content/data/site.yaml names no subject")
	}
	for p, b := range out.Files {
		if bytes.Contains(bytes.ToLower(b), bytes.ToLower(subject[1])) {
			t.Errorf("%s names %s", p, subject[1])
		}
		if strings.HasSuffix(p, ".html") && !bytes.Contains(b, []byte("Exemple SA")) {
			t.Errorf("%s does not name its subject", p)
		}
	}
}
