package site

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"timeline/gen/internal/cms"
	"timeline/gen/internal/content"

	"golang.org/x/net/html"
)

// pinnedCMS is the version of @sveltia/cms that tools/package.json pins.
func pinnedCMS(t *testing.T) string {
	t.Helper()
	src, err := fs.ReadFile(repoRoot(), "tools/package.json")
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := json.Unmarshal(src, &pkg); err != nil {
		t.Fatalf("tools/package.json: %v", err)
	}
	v := pkg.Dependencies["@sveltia/cms"]
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(v) {
		t.Fatalf("tools/package.json pins @sveltia/cms at %q, not an exact version", v)
	}
	return v
}

// The CMS at /admin/: its script as the pinned package ships it, its
// configuration written from the content, and a page that loads the script
// from the site, kept out of search engines and the sitemap.
func TestAdmin(t *testing.T) {
	out := realSite(t, repoRoot())
	var got []string
	for _, p := range out.Paths() {
		if cmsFile(p) {
			got = append(got, p)
		}
	}
	if want := []string{cms.ConfigFile, cms.Bundle, cms.IndexFile, cms.Prefs}; !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Fatalf("/admin/ holds %v, want %v", got, want)
	}

	// The script is the pinned version, published as it is.
	static, err := fs.ReadFile(repoRoot(), "static/"+cms.Bundle)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Files[cms.Bundle], static) {
		t.Errorf("%s is not static/%s as it is", cms.Bundle, cms.Bundle)
	}
	pin := pinnedCMS(t)
	if m := regexp.MustCompile("name:`@sveltia/cms`,version:`([^`]+)`").FindSubmatch(static); m == nil || string(m[1]) != pin {
		t.Errorf("static/%s is not version %s, which tools/package.json pins (found %q): run make cms-update", cms.Bundle, pin, m)
	}

	// The configuration is the one the content gives.
	c := content.Load(repoRoot(), content.Options{})
	want, err := cms.Config(cms.InputFor(c))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Files[cms.ConfigFile], want) {
		t.Errorf("%s is not cms.Config of the content", cms.ConfigFile)
	}

	// The page: noindex, the script from the site, nothing inline.
	doc, err := html.Parse(bytes.NewReader(out.Files[cms.IndexFile]))
	if err != nil {
		t.Fatal(err)
	}
	var scripts []string
	noindex := false
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch {
		case n.Data == "script":
			if textOf(n) != "" {
				t.Errorf("%s: an inline script", cms.IndexFile)
			}
			scripts = append(scripts, attr(n, "src"))
		case n.Data == "style" || hasAttr(n, "style"):
			t.Errorf("%s: an inline style", cms.IndexFile)
		case n.Data == "meta" && attr(n, "name") == "robots":
			noindex = attr(n, "content") == "noindex"
		}
	}
	if !slices.Equal(scripts, []string{"/" + cms.Prefs, "/" + cms.Bundle}) || !noindex {
		t.Errorf("%s: scripts %q, noindex %v; want the site's own /%s, then /%s, and noindex", cms.IndexFile, scripts, noindex, cms.Prefs, cms.Bundle)
	}
	if bytes.Contains(out.Files["sitemap.xml"], []byte("/admin/")) {
		t.Error("sitemap.xml lists /admin/")
	}

	// A deploy preview serves the same CMS: no banner, the same configuration.
	preview, diags, err := BuildAll(repoRoot(), Options{BaseURL: previewBase, Preview: true})
	if err != nil {
		t.Fatalf("preview build: %v\n%v", err, diags)
	}
	for _, p := range got {
		if !bytes.Equal(preview.Files[p], out.Files[p]) {
			t.Errorf("%s differs in a deploy preview", p)
		}
	}

	// A theme without the CMS's script has no /admin/.
	fsys := repoFS(t)
	for p := range maps.Keys(fsys) {
		if strings.HasPrefix(p, "static/admin/") {
			delete(fsys, p)
		}
	}
	for p, f := range exampleFS(t) {
		if strings.HasPrefix(p, "content/") {
			fsys[p] = f
		}
	}
	bare, diags, err := BuildAll(fsys, Options{})
	if err != nil {
		t.Fatalf("%v\n%v", err, diags)
	}
	for p := range bare.Files {
		if cmsFile(p) {
			t.Errorf("%s built without static/%s", p, cms.Bundle)
		}
	}
}

// The CMS's policy in netlify.toml: exactly what Sveltia CMS needs, for the
// pinned version, on every file of /admin/ and nowhere else; never framed,
// never indexed, and the sign-in pop-up keeps its opener.
func TestAdminPolicy(t *testing.T) {
	c := loadNetlify(t)
	pin := pinnedCMS(t)
	want := csp{
		"default-src": {"'none'"},
		"script-src":  {"'self'"},
		"style-src":   {"'self'", "'unsafe-inline'"},
		"img-src":     {"'self'", "data:", "blob:", "https://avatars.githubusercontent.com"},
		"font-src":    {"https://cdn.jsdelivr.net/fontsource/fonts/"},
		"connect-src": {"'self'", "data:", "https://api.github.com", "https://www.githubstatus.com/api/v2/status.json",
			"https://unpkg.com/@sveltia/cms@" + pin + "/locales/", "https://unpkg.com/@sveltia/cms/package.json"},
		"base-uri":        {"'none'"},
		"form-action":     {"'none'"},
		"frame-ancestors": {"'none'"},
	}
	for _, p := range []string{cms.IndexFile, cms.ConfigFile, cms.Bundle, cms.Prefs} {
		u := urlPath(p)
		h := c.headersFor(u)
		pol, err := parseCSP(h.values["content-security-policy"])
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if !maps.EqualFunc(pol, want, slices.Equal) {
			t.Errorf("%s: Content-Security-Policy\n  %s\nwant the CMS's (the locales of version %s, as tools/package.json pins):\n  %v", u, h.values["content-security-policy"], pin, want)
		}
		for name, v := range map[string]string{"x-frame-options": "DENY", "cross-origin-opener-policy": "same-origin-allow-popups",
			"x-robots-tag": "noindex", "cache-control": "public, max-age=0, must-revalidate"} {
			if h.values[name] != v {
				t.Errorf("%s: %s = %q, want %q", u, name, h.values[name], v)
			}
		}
	}
	// No other path gets the CMS's relaxations.
	out := realSite(t, repoRoot())
	for _, p := range out.Paths() {
		if cmsFile(p) {
			continue
		}
		v := c.headersFor(urlPath(p)).values["content-security-policy"]
		if search := strings.HasSuffix(p, "search/index.html") || strings.HasPrefix(p, "recherche/"); search {
			v = strings.Replace(v, " 'wasm-unsafe-eval'", "", 1) // the search index's WebAssembly, on that page alone
		}
		if strings.Contains(v, "unsafe") || strings.Contains(v, "https:") {
			t.Errorf("%s: Content-Security-Policy %q", urlPath(p), v)
		}
	}
}
