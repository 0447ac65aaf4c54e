package site

// Tests of the deployment: netlify.toml (build settings, headers, redirects), the
// Content-Security-Policy against every built page, and deploy-preview builds.

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"
)

// netlifyConfig is the part of netlify.toml the tests read.
type netlifyConfig struct {
	Build struct {
		Command     string            `toml:"command"`
		Publish     string            `toml:"publish"`
		Environment map[string]string `toml:"environment"`
	} `toml:"build"`
	Headers   []netlifyHeader `toml:"headers"`
	Redirects []struct {
		From   string `toml:"from"`
		To     string `toml:"to"`
		Status int    `toml:"status"`
		Force  bool   `toml:"force"`
	} `toml:"redirects"`
}

// netlifyHeader is a [[headers]] rule.
type netlifyHeader struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
}

func loadNetlify(t testing.TB) *netlifyConfig {
	t.Helper()
	src, err := fs.ReadFile(repoRoot(), "netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	var c netlifyConfig
	if _, err := toml.Decode(string(src), &c); err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	return &c
}

// netlifyPattern is the regular expression Netlify matches a header rule's "for"
// against the request path with (as @netlify/headers-parser builds it): "*" alone
// in a segment matches the rest of the path, or nothing; a "*" inside a segment
// matches anything; ":name" matches one segment; case does not matter.
func netlifyPattern(pattern string) *regexp.Regexp {
	var parts []string
	for _, p := range strings.Split(pattern, "/") {
		p = strings.TrimRight(p, " \t")
		switch {
		case p == "":
			continue
		case strings.HasPrefix(p, ":"):
			parts = append(parts, "([^/]+)")
		case p == "*":
			parts = append(parts, "?(.*)")
		case strings.Contains(p, "*"):
			parts = append(parts, strings.ReplaceAll(regexp.QuoteMeta(p), `\*`, "(.*)"))
		default:
			parts = append(parts, regexp.QuoteMeta(p))
		}
	}
	return regexp.MustCompile("(?i)^/" + strings.Join(parts, "/") + "/?$")
}

// headerSet is the headers a path gets: lower-cased name -> value, and the
// rules ("for" patterns) that set each.
type headerSet struct {
	values map[string]string
	from   map[string][]string
}

func (c *netlifyConfig) headersFor(urlPath string) headerSet {
	h := headerSet{values: map[string]string{}, from: map[string][]string{}}
	for _, r := range c.Headers {
		if !netlifyPattern(r.For).MatchString(urlPath) {
			continue
		}
		for name, v := range r.Values {
			k := strings.ToLower(name)
			h.values[k] = v
			h.from[k] = append(h.from[k], r.For)
		}
	}
	return h
}

// urlPath is the address an output file is served at.
func urlPath(p string) string {
	switch {
	case p == "index.html":
		return "/"
	case strings.HasSuffix(p, "/index.html"):
		return "/" + strings.TrimSuffix(p, "index.html")
	}
	return "/" + p
}

// csp is a parsed Content-Security-Policy: directive -> sources.
type csp map[string][]string

func parseCSP(s string) (csp, error) {
	c := csp{}
	for _, d := range strings.Split(s, ";") {
		f := strings.Fields(d)
		if len(f) == 0 {
			continue
		}
		name := strings.ToLower(f[0])
		if _, dup := c[name]; dup {
			return nil, fmt.Errorf("directive %s given twice (browsers ignore the second)", name)
		}
		c[name] = f[1:]
	}
	return c, nil
}

// fetchDirectives fall back to default-src when absent.
var fetchDirectives = []string{"script-src", "style-src", "img-src", "font-src", "connect-src",
	"media-src", "object-src", "frame-src", "child-src", "worker-src", "manifest-src"}

// sources is the effective source list of a directive.
func (c csp) sources(directive string) []string {
	if s, ok := c[directive]; ok {
		return s
	}
	if slices.Contains(fetchDirectives, directive) {
		return c["default-src"]
	}
	return nil
}

func (c csp) allows(directive, source string) bool {
	return slices.Contains(c.sources(directive), source)
}

func (c csp) allowsHash(directive, text string) bool {
	sum := sha256.Sum256([]byte(text))
	return c.allows(directive, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
}

var hashSource = regexp.MustCompile(`^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$`)

func TestNetlifyBuildSettings(t *testing.T) {
	c := loadNetlify(t)
	if c.Build.Command != "make build" {
		t.Errorf(`build.command = %q, want "make build"`, c.Build.Command)
	}
	if c.Build.Publish != "public" {
		t.Errorf(`build.publish = %q, want "public" (where make build writes)`, c.Build.Publish)
	}

	gomod, err := fs.ReadFile(repoRoot(), "go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go\s+(\d+)\.(\d+)(?:\.\d+)?\s*$`).FindSubmatch(gomod)
	if goLine == nil {
		t.Fatal("go.mod has no go line")
	}
	v := c.Build.Environment["GO_VERSION"]
	m := regexp.MustCompile(`^(\d+)\.(\d+)\.\d+$`).FindStringSubmatch(v)
	if m == nil {
		t.Fatalf("build.environment.GO_VERSION = %q: want a full Go version such as 1.26.8", v)
	}
	if m[1] != string(goLine[1]) || m[2] != string(goLine[2]) {
		t.Errorf("GO_VERSION %s is not Go %s.%s, go.mod's version", v, goLine[1], goLine[2])
	}
}

func TestNetlifyRedirects(t *testing.T) {
	c := loadNetlify(t)
	type redirect struct {
		from, to string
		status   int
		force    bool
	}
	var got []redirect
	for _, r := range c.Redirects {
		got = append(got, redirect{r.From, r.To, r.Status, r.Force})
	}
	// A moved page first, then the English fallback: Netlify applies the
	// first rule that matches.
	want := []redirect{{"/types/injonction/", "/types/ordonnance/", 301, false}, {"/en/*", "/en/404.html", 404, false}, {"/*", "/404.html", 404, false}}
	if !slices.Equal(got, want) {
		t.Errorf("redirects = %+v, want %+v", got, want)
	}
	out := realSite(t, repoRoot())
	for _, r := range want {
		target := strings.TrimPrefix(r.to, "/")
		if strings.HasSuffix(target, "/") {
			target += "index.html"
		}
		if _, ok := out.Files[target]; !ok {
			t.Errorf("redirect target %s is not built", r.to)
		}
	}
}

// The header rules, over every file of the site.
func TestNetlifyHeaders(t *testing.T) {
	c := loadNetlify(t)
	out := realSite(t, repoRoot())
	paths := out.Paths()

	hashed := regexp.MustCompile(`^/((css|js)/[^/]+\.[0-9a-f]{8,}\.(css|js)|cards/[0-9a-f]{12}\.png)$`)
	short := regexp.MustCompile(`(^|,\s*)(max-age=0|no-cache)(\s*,|$)`)
	// Served paths: every file, and two that do not exist (the 404 pages answer them).
	served := []string{"/no-such-page/", "/en/no-such-page/"}
	for _, p := range paths {
		served = append(served, urlPath(p))
	}
	exists := map[string]bool{}
	for _, p := range paths {
		exists[urlPath(p)] = true
	}

	for _, u := range served {
		h := c.headersFor(u)
		// One rule per header: Netlify's handling of two matching rules that set the
		// same header is not documented (joined? overridden?), so there are none.
		for name, from := range h.from {
			if len(from) > 1 {
				t.Errorf("%s: %s is set by %d rules (%s): give each header one rule per path", u, name, len(from), strings.Join(from, ", "))
			}
		}
		for name, want := range map[string]string{
			"x-content-type-options":    "nosniff",
			"referrer-policy":           "strict-origin-when-cross-origin",
			"strict-transport-security": "max-age=63072000; includeSubDomains",
		} {
			if got := h.values[name]; got != want {
				t.Errorf("%s: %s = %q, want %q", u, name, got, want)
			}
		}
		// Every page has its policy, from one rule; only the timeline to
		// embed may be framed by other sites. An address that does not
		// exist gets the 404 page with the headers of every response. The
		// CMS keeps the opener of its sign-in pop-up.
		if exists[u] && (strings.HasSuffix(u, "/") || strings.HasSuffix(u, ".html")) {
			pol, err := parseCSP(h.values["content-security-policy"])
			framed := strings.HasSuffix(u, "/embed/")
			wantFA, wantXFO, wantCOOP := "'none'", "DENY", "same-origin"
			if framed {
				wantFA, wantXFO = "*", ""
			}
			if cmsFile(strings.TrimPrefix(u, "/")) {
				wantCOOP = "same-origin-allow-popups"
			}
			if err != nil || strings.Join(pol["frame-ancestors"], " ") != wantFA {
				t.Errorf("%s: Content-Security-Policy %q (%v), want frame-ancestors %s", u, h.values["content-security-policy"], err, wantFA)
			}
			if h.values["x-frame-options"] != wantXFO || h.values["cross-origin-opener-policy"] != wantCOOP {
				t.Errorf("%s: X-Frame-Options %q, Cross-Origin-Opener-Policy %q", u, h.values["x-frame-options"], h.values["cross-origin-opener-policy"])
			}
		}
		pp := h.values["permissions-policy"]
		for _, f := range []string{"camera", "microphone", "geolocation", "interest-cohort", "browsing-topics", "payment", "usb"} {
			if !regexp.MustCompile(`(^|,\s*)` + f + `=\(\)(\s*,|$)`).MatchString(pp) {
				t.Errorf("%s: Permissions-Policy does not deny %s: %q", u, f, pp)
			}
		}

		cc := h.values["cache-control"]
		immutable := strings.Contains(cc, "immutable")
		switch {
		case hashed.MatchString(u):
			if cc != "public, max-age=31536000, immutable" {
				t.Errorf("%s: Cache-Control = %q, want \"public, max-age=31536000, immutable\" (the name carries a hash)", u, cc)
			}
		case immutable:
			t.Errorf("%s: Cache-Control %q, but its name carries no content hash", u, cc)
		case !exists[u]:
			// An address that does not exist: Netlify's default Cache-Control is fine.
		case !short.MatchString(cc):
			rule := u
			if strings.Count(strings.Trim(u, "/"), "/") > 0 || strings.HasSuffix(u, "/") {
				rule = "/" + strings.Split(strings.Trim(u, "/"), "/")[0] + "/*"
			}
			t.Errorf("%s: Cache-Control = %q, want a short one; add to netlify.toml a [[headers]] rule for = %q with Cache-Control = \"public, max-age=0, must-revalidate\"",
				u, cc, rule)
		}
		if strings.HasPrefix(u, "/css/") || strings.HasPrefix(u, "/js/") {
			if !hashed.MatchString(u) {
				t.Errorf("%s: not content-hashed, yet served as immutable", u)
			}
		}
	}

	// Feeds and data: their media types with the charset; the files exist.
	for p, want := range map[string]string{
		"feed.xml":         "application/atom+xml; charset=utf-8",
		"en/feed.xml":      "application/atom+xml; charset=utf-8",
		"feed.json":        "application/feed+json; charset=utf-8",
		"en/feed.json":     "application/feed+json; charset=utf-8",
		"sitemap.xml":      "application/xml; charset=utf-8",
		"data/events.json": "application/json; charset=utf-8",
		"data/events.csv":  "text/csv; charset=utf-8; header=present",
	} {
		if _, ok := out.Files[p]; !ok {
			t.Errorf("%s is not built", p)
		}
		if got := c.headersFor("/" + p).values["content-type"]; got != want {
			t.Errorf("/%s: Content-Type = %q, want %q", p, got, want)
		}
	}

	// The asset rules exist as such, and every rule serves some file (no stale or
	// misspelt rule).
	for _, want := range []string{"/css/*", "/js/*"} {
		if !slices.ContainsFunc(c.Headers, func(r netlifyHeader) bool {
			return r.For == want && strings.Contains(r.Values["Cache-Control"], "immutable")
		}) {
			t.Errorf("no [[headers]] rule for = %q with an immutable Cache-Control", want)
		}
	}
	for _, r := range c.Headers {
		re := netlifyPattern(r.For)
		if r.For == "/pagefind/*" {
			continue // the search index, which tools/search.sh writes after the build (headers-check.mjs sees it)
		}
		if !slices.ContainsFunc(served, re.MatchString) {
			t.Errorf("header rule for = %q matches no file of the site", r.For)
		}
	}
}

// The Content-Security-Policy of netlify.toml, and every built page against it.
func TestContentSecurityPolicy(t *testing.T) {
	c := loadNetlify(t)
	policy := c.headersFor("/").values["content-security-policy"]
	if embed := c.headersFor("/embed/").values["content-security-policy"]; embed != strings.Replace(policy, "frame-ancestors 'none'", "frame-ancestors *", 1) {
		t.Errorf("the policy of the timeline to embed\n  %s\nis not the pages' but for frame-ancestors *:\n  %s", embed, policy)
	}
	pol, err := parseCSP(policy)
	if err != nil {
		t.Fatalf("Content-Security-Policy %q: %v", policy, err)
	}
	if len(pol) == 0 {
		t.Fatal("no Content-Security-Policy for /")
	}
	for name, want := range map[string]string{"default-src": "'none'", "base-uri": "'none'", "frame-ancestors": "'none'", "form-action": "'self'"} {
		if got := strings.Join(pol[name], " "); got != want {
			t.Errorf("CSP %s = %q, want %q", name, got, want)
		}
	}
	for name, srcs := range pol {
		for _, s := range srcs {
			switch ls := strings.ToLower(s); {
			case ls == "'unsafe-inline'" || ls == "'unsafe-eval'" || ls == "'unsafe-hashes'" || ls == "'wasm-unsafe-eval'":
				t.Errorf("CSP %s allows %s", name, s)
			case ls == "'self'" || ls == "'none'" || hashSource.MatchString(s):
			case ls == "data:" && name == "img-src":
			default:
				t.Errorf("CSP %s allows %s: only 'self', 'none' and hashes (no other origin, scheme or keyword)", name, s)
			}
		}
	}

	out := realSite(t, repoRoot())
	var pages int
	for _, p := range out.Paths() {
		if cmsFile(p) {
			continue // under a policy of its own: TestAdminPolicy
		}
		switch path.Ext(p) {
		case ".html":
			pages++
			checkPageCSP(t, pol, p, out.Files[p])
		case ".css":
			checkStylesheetCSP(t, pol, p, out.Files[p])
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages checked", pages)
	}
}

// sameOrigin: a path on the site itself (not "//host/..." nor "scheme:...").
func sameOrigin(ref string) bool {
	u, err := url.Parse(strings.TrimSpace(ref))
	return err == nil && u.Scheme == "" && u.Host == "" && !strings.HasPrefix(strings.TrimSpace(ref), "//")
}

func checkPageCSP(t *testing.T, pol csp, p string, src []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	// load checks that a resource of the page comes from where the directive allows.
	load := func(n *html.Node, directive, ref string) {
		ref = strings.TrimSpace(ref)
		switch {
		case ref == "":
			t.Errorf("%s: <%s> with an empty address", p, n.Data)
		case strings.HasPrefix(strings.ToLower(ref), "data:"):
			if !pol.allows(directive, "data:") {
				t.Errorf("%s: <%s> loads a data: URL, which %s does not allow", p, n.Data, directive)
			}
		case !sameOrigin(ref):
			t.Errorf("%s: <%s> loads %s from another origin", p, n.Data, ref)
		case !pol.allows(directive, "'self'"):
			t.Errorf("%s: <%s> loads %s, but %s does not allow 'self'", p, n.Data, ref, directive)
		}
	}
	var stylesheets, scripts, modules int
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			switch k := strings.ToLower(a.Key); {
			case k == "style":
				t.Errorf("%s: <%s style=%q>: style attributes are blocked by the CSP", p, n.Data, a.Val)
			case strings.HasPrefix(k, "on"):
				t.Errorf("%s: <%s %s>: event-handler attributes are blocked by the CSP", p, n.Data, a.Key)
			case k == "href" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"):
				t.Errorf("%s: <%s href=%q>: javascript: URLs are blocked by the CSP", p, n.Data, a.Val)
			}
		}
		switch n.Data {
		case "script":
			if s := attr(n, "src"); s != "" {
				scripts++
				load(n, "script-src", s)
				// A module is deferred by nature: the search page's own.
				if module := attr(n, "type") == "module"; module && strings.HasPrefix(s, "/js/search.") {
					modules++
				} else if !hasAttr(n, "defer") {
					t.Errorf("%s: <script src=%s> is not deferred", p, s)
				}
				continue
			}
			text := ""
			if n.FirstChild != nil {
				text = n.FirstChild.Data
			}
			// A data block (JSON-LD) is not executed: the CSP does not apply to it.
			if typ := strings.ToLower(strings.TrimSpace(attr(n, "type"))); typ == "application/ld+json" {
				if !json.Valid([]byte(text)) {
					t.Errorf("%s: JSON-LD that is not JSON", p)
				}
				continue
			}
			if !pol.allowsHash("script-src", text) {
				t.Errorf("%s: inline script %.60q: its sha256 is not in script-src", p, text)
			}
		case "style":
			text := ""
			if n.FirstChild != nil {
				text = n.FirstChild.Data
			}
			if !pol.allowsHash("style-src", text) {
				t.Errorf("%s: inline <style> %.60q: its sha256 is not in style-src", p, text)
			}
		case "link":
			rel := strings.Fields(strings.ToLower(attr(n, "rel")))
			switch {
			case slices.Contains(rel, "stylesheet"):
				stylesheets++
				load(n, "style-src", attr(n, "href"))
			case slices.Contains(rel, "icon") || slices.Contains(rel, "apple-touch-icon"):
				load(n, "img-src", attr(n, "href"))
			case slices.Contains(rel, "manifest"):
				load(n, "manifest-src", attr(n, "href"))
			case slices.Contains(rel, "preload") || slices.Contains(rel, "modulepreload") || slices.Contains(rel, "prefetch"):
				directive := map[string]string{"script": "script-src", "style": "style-src", "font": "font-src", "image": "img-src", "fetch": "connect-src"}[attr(n, "as")]
				if directive == "" {
					directive = "script-src"
				}
				load(n, directive, attr(n, "href"))
			}
		case "img", "source", "input", "track", "audio", "video", "image", "use":
			directive := map[string]string{"audio": "media-src", "video": "media-src", "track": "media-src"}[n.Data]
			if directive == "" {
				directive = "img-src"
			}
			for _, a := range n.Attr {
				switch a.Key {
				case "src", "poster":
					load(n, directive, a.Val)
				case "srcset":
					for _, c := range strings.Split(a.Val, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							load(n, directive, f[0])
						}
					}
				case "href":
					// SVG <image>/<use>: a fragment of the page itself loads nothing.
					if (n.Data == "image" || n.Data == "use") && !strings.HasPrefix(a.Val, "#") {
						load(n, directive, a.Val)
					}
				}
			}
		case "iframe", "frame", "object", "embed":
			t.Errorf("%s: <%s>: frames and plugins are blocked by the CSP (default-src 'none')", p, n.Data)
		case "base":
			t.Errorf("%s: <base>: blocked by the CSP (base-uri 'none')", p)
		case "form":
			if a := attr(n, "action"); a != "" {
				if !sameOrigin(a) || !pol.allows("form-action", "'self'") {
					t.Errorf("%s: <form action=%s> is not allowed by form-action", p, a)
				}
			}
		case "meta":
			if strings.EqualFold(attr(n, "http-equiv"), "content-security-policy") {
				t.Errorf("%s: a CSP in a <meta>: the policy is netlify.toml's", p)
			}
		}
	}
	if stylesheets != 1 || scripts-modules != 1 {
		t.Errorf("%s: %d stylesheets and %d scripts; every page loads one of each", p, stylesheets, scripts)
	}
}

var cssRefs = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")]*)|@import\s+['"]([^'"]*)`)

// checkStylesheetCSP: what a stylesheet loads (url(), @import) is allowed too.
func checkStylesheetCSP(t *testing.T, pol csp, p string, src []byte) {
	t.Helper()
	for _, m := range cssRefs.FindAllSubmatch(src, -1) {
		ref := string(m[1])
		directive := "img-src"
		if len(m[2]) > 0 {
			ref, directive = string(m[2]), "style-src"
		}
		switch {
		case strings.HasPrefix(ref, "#"):
		case strings.HasPrefix(strings.ToLower(ref), "data:"):
			if !pol.allows(directive, "data:") {
				t.Errorf("%s: loads a data: URL, which %s does not allow", p, directive)
			}
		case !sameOrigin(ref):
			t.Errorf("%s: loads %s from another origin", p, ref)
		case strings.HasSuffix(strings.ToLower(ref), ".woff2") || strings.HasSuffix(strings.ToLower(ref), ".woff"):
			if !pol.allows("font-src", "'self'") {
				t.Errorf("%s: loads the font %s, which font-src does not allow", p, ref)
			}
		case !pol.allows(directive, "'self'"):
			t.Errorf("%s: loads %s, which %s does not allow", p, ref, directive)
		}
	}
}

const previewBase = "https://deploy-preview-42--example.netlify.app"

// pageMarks reports, for a page, its preview banners and whether it is noindex.
func pageMarks(t *testing.T, p string, src []byte) (doc *html.Node, banners int, noindex bool) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if slices.Contains(strings.Fields(attr(n, "class")), "preview-banner") {
			banners++
		}
		if n.Data == "meta" && strings.EqualFold(attr(n, "name"), "robots") &&
			slices.Contains(strings.Split(strings.ReplaceAll(strings.ToLower(attr(n, "content")), " ", ""), ","), "noindex") {
			noindex = true
		}
	}
	return doc, banners, noindex
}

// A deploy preview: every absolute address is the preview's, every page says it
// is a preview and asks not to be indexed.
func TestDeployPreview(t *testing.T) {
	out, diags, err := BuildAll(repoRoot(), Options{BaseURL: previewBase, Preview: true})
	if err != nil {
		t.Fatalf("preview build: %v\n%v", err, diags)
	}
	prod := realSite(t, repoRoot())
	under := func(where, u string) {
		t.Helper()
		if !strings.HasPrefix(u, previewBase+"/") {
			t.Errorf("%s: %q is not under %s", where, u, previewBase)
		}
	}

	// The production address, from the production home page's canonical link.
	var prodBase string
	{
		doc, err := html.Parse(bytes.NewReader(prod.Files["index.html"]))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && n.Data == "link" && attr(n, "rel") == "canonical" {
				prodBase = strings.TrimSuffix(attr(n, "href"), "/")
			}
		}
		if !strings.HasPrefix(prodBase, "https://") || prodBase == previewBase {
			t.Fatalf("production base URL %q", prodBase)
		}
	}

	var pages int
	for _, p := range out.Paths() {
		if bytes.Contains(out.Files[p], []byte(prodBase)) {
			t.Errorf("%s: the preview mentions the production address %s", p, prodBase)
		}
		if path.Ext(p) != ".html" || cmsFile(p) {
			continue // the CMS's page is always noindex, and has no banner: TestAdmin
		}
		pages++
		doc, banners, noindex := pageMarks(t, p, out.Files[p])
		if banners != 1 {
			t.Errorf("%s: %d preview banners, want 1", p, banners)
		}
		if !noindex {
			t.Errorf(`%s: no <meta name="robots" content="noindex">`, p)
		}
		var canonical, ogURL, hreflang int
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			switch {
			case n.Data == "link" && attr(n, "rel") == "canonical":
				canonical++
				under(p+" canonical", attr(n, "href"))
			case n.Data == "link" && attr(n, "rel") == "alternate" && hasAttr(n, "hreflang"):
				hreflang++
				under(p+" hreflang "+attr(n, "hreflang"), attr(n, "href"))
			case n.Data == "meta" && attr(n, "property") == "og:url":
				ogURL++
				under(p+" og:url", attr(n, "content"))
			}
		}
		// The 404 pages answer any address: they have no canonical one; the
		// timeline to embed is framed by other sites, never shared.
		if !strings.HasSuffix(p, "404.html") && !embedded(p) && (canonical != 1 || ogURL != 1 || hreflang < 2) {
			t.Errorf("%s: %d canonical links, %d og:url, %d hreflang alternates", p, canonical, ogURL, hreflang)
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages", pages)
	}

	// Atom feeds: the feed's id and links, each entry's id and links.
	for _, p := range []string{"feed.xml", "en/feed.xml"} {
		type link struct {
			Href string `xml:"href,attr"`
		}
		var feed struct {
			ID      string `xml:"id"`
			Links   []link `xml:"link"`
			Entries []struct {
				ID    string `xml:"id"`
				Links []link `xml:"link"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(out.Files[p], &feed); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(feed.Links) == 0 || len(feed.Entries) == 0 {
			t.Fatalf("%s: %d links, %d entries", p, len(feed.Links), len(feed.Entries))
		}
		under(p+" id", feed.ID)
		for _, l := range feed.Links {
			under(p+" link", l.Href)
		}
		for _, e := range feed.Entries {
			under(p+" entry id", e.ID)
			for _, l := range e.Links {
				under(p+" entry link", l.Href)
			}
		}
	}

	// JSON feeds.
	for _, p := range []string{"feed.json", "en/feed.json"} {
		var feed struct {
			HomePageURL string `json:"home_page_url"`
			FeedURL     string `json:"feed_url"`
			Items       []struct {
				ID  string `json:"id"`
				URL string `json:"url"`
			} `json:"items"`
		}
		if err := json.Unmarshal(out.Files[p], &feed); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(feed.Items) == 0 {
			t.Fatalf("%s: no items", p)
		}
		under(p+" home_page_url", feed.HomePageURL)
		under(p+" feed_url", feed.FeedURL)
		for _, it := range feed.Items {
			under(p+" item id", it.ID)
			under(p+" item url", it.URL)
		}
	}

	// The sitemap.
	var sitemap struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(out.Files["sitemap.xml"], &sitemap); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	if len(sitemap.URLs) < 10 {
		t.Fatalf("sitemap.xml: %d addresses", len(sitemap.URLs))
	}
	for _, u := range sitemap.URLs {
		under("sitemap.xml loc", u.Loc)
		for _, l := range u.Links {
			under("sitemap.xml alternate", l.Href)
		}
	}

	// robots.txt shuts every crawler out.
	if robots := string(out.Files["robots.txt"]); !regexp.MustCompile(`(?m)^Disallow: /\s*$`).MatchString(robots) || strings.Contains(robots, "Sitemap:") {
		t.Errorf("preview robots.txt does not disallow everything:\n%s", robots)
	}

	// The production build has neither the banner nor noindex (but on the 404 pages
	// and the timeline to embed, which are never to be indexed).
	for _, p := range prod.Paths() {
		if path.Ext(p) != ".html" || cmsFile(p) {
			continue
		}
		_, banners, noindex := pageMarks(t, p, prod.Files[p])
		if banners != 0 {
			t.Errorf("production %s: a preview banner", p)
		}
		if noindex && !strings.HasSuffix(p, "404.html") && !embedded(p) {
			t.Errorf("production %s: noindex", p)
		}
	}
	if robots := string(prod.Files["robots.txt"]); strings.Contains(robots, "Disallow: /\n") || !strings.Contains(robots, "Sitemap: "+prodBase+"/sitemap.xml") {
		t.Errorf("production robots.txt:\n%s", robots)
	}
}
