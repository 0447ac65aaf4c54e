// Package serve is the editors' dev server: it builds the site in memory
// (drafts shown and marked), serves that build, watches content/, layouts/
// and static/, rebuilds what an edit touched, and tells the open pages to
// reload once the new build is complete.
//
// It serves only the in-memory output of the build, never a file from the
// disk, so no path can reach outside the site. While a rebuild is under way
// requests wait for it, so no stale or half-built page is ever served. When
// the content becomes invalid, every page shows the errors, each with its
// path:line:col, and reloads by itself once they are fixed.
//
// Reloading uses Server-Sent Events from /_gen/events and a script served
// from /_gen/reload.js, which the site's Content Security Policy allows
// (script-src 'self', connect-src 'self').
package serve

import (
	"context"
	"fmt"
	"io/fs"
	"log"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"timeline/gen/internal/content"
	"timeline/gen/internal/memo"
	"timeline/gen/internal/site"
)

// Paths of the server's own files.
const (
	ScriptPath = "/_gen/reload.js"
	EventsPath = "/_gen/events"
)

// Server serves one site tree.
type Server struct {
	fsys fs.FS
	// opt holds the Cache that lets a rebuild reuse every page and body
	// an edit did not change.
	opt  site.Options
	logf func(format string, args ...any)

	mu       sync.Mutex
	cond     *sync.Cond
	building bool
	out      *site.Output
	diags    content.Diagnostics
	err      error
	version  int
	subs     map[chan int]bool
	// Cards, when set, keeps the share cards drawn from build to build.
	Cards site.CardStore
	// Built is called after each build with how long it took (tests and
	// benchmarks use it).
	Built func(version int, took time.Duration)
}

// New prepares a server for the tree fsys. baseURL is the address it will
// be reached at.
func New(fsys fs.FS, baseURL string, logf func(string, ...any)) *Server {
	if logf == nil {
		logf = log.Printf
	}
	s := &Server{fsys: fsys, logf: logf, subs: map[chan int]bool{},
		opt: site.Options{BaseURL: baseURL, Drafts: true, Script: ScriptPath, Cache: memo.NewCache()}}
	s.cond = sync.NewCond(&s.mu)
	return s
}

// Build builds the site, reusing what earlier builds rendered from the
// same inputs.
func (s *Server) Build() { s.rebuild() }

// Begin marks a rebuild as coming: from now on requests wait for it.
func (s *Server) Begin() {
	s.mu.Lock()
	s.building = true
	s.mu.Unlock()
}

func (s *Server) rebuild() {
	s.Begin()
	start := time.Now()
	opt := s.opt
	opt.Cards = s.Cards
	out, diags, err := site.BuildAll(s.fsys, opt)
	took := time.Since(start)

	s.mu.Lock()
	s.building = false
	s.version++
	v := s.version
	if err == nil {
		s.out, s.err = out, nil
	} else {
		s.err = err
	}
	s.diags = diags
	for ch := range s.subs {
		select {
		case ch <- v:
		default: // a slow reader gets the latest version at its next read
		}
	}
	s.cond.Broadcast()
	s.mu.Unlock()

	if s.Built != nil {
		s.Built(v, took)
	}
	if err != nil {
		s.logf("build %d failed in %s:\n%v", v, took.Round(time.Millisecond), err)
	} else {
		s.logf("build %d: %d files in %s", v, len(out.Files), took.Round(time.Millisecond))
	}
}

// build is the result of the last build: the site, or the error that
// stopped it, and the diagnostics.
type build struct {
	out   *site.Output
	diags content.Diagnostics
	err   error
}

// snapshot waits for any rebuild under way and returns the current build;
// false when the request was cancelled while it waited.
func (s *Server) snapshot(ctx context.Context) (build, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.building {
		if ctx.Err() != nil {
			return build{}, false
		}
		s.cond.Wait()
	}
	return build{s.out, s.diags, s.err}, true
}

// ServeHTTP serves the site from memory.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case ScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(reloadScript))
		return
	case EventsPath:
		s.events(w, r)
		return
	case errorStyle:
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(errorCSS))
		return
	case guidePath:
		w.Header().Set("Cache-Control", "no-store")
		securityHeaders(w.Header(), r.URL.Path)
		s.guide(w)
		return
	}
	name, ok := clean(r)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	b, ok := s.snapshot(r.Context())
	if !ok {
		return
	}
	out := b.out
	w.Header().Set("Cache-Control", "no-store")
	securityHeaders(w.Header(), r.URL.Path)
	if b.err != nil {
		s.errorPage(w, r, b.err, b.diags)
		return
	}
	if out == nil {
		http.Error(w, "no build yet", http.StatusServiceUnavailable)
		return
	}
	if data, ok := out.Files[name]; ok {
		serveBytes(w, r, name, data, http.StatusOK)
		return
	}
	if _, ok := out.Files[name+"/index.html"]; ok && !strings.HasSuffix(r.URL.Path, "/") {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	notFound := "404.html"
	if i := strings.IndexByte(name, '/'); i > 0 {
		if _, ok := out.Files[name[:i]+"/404.html"]; ok {
			notFound = name[:i] + "/404.html"
		}
	}
	serveBytes(w, r, notFound, out.Files[notFound], http.StatusNotFound)
}

// clean maps a request path to a file of the output, refusing anything
// that is not a plain path inside the site: "..", encoded slashes or
// backslashes, NUL, or a path that is not rooted.
func clean(r *http.Request) (string, bool) {
	raw := r.URL.EscapedPath()
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") ||
		strings.Contains(strings.ToLower(raw), "%2f") || strings.Contains(strings.ToLower(raw), "%5c") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	name := strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
	".svg": "image/svg+xml", ".json": "application/json; charset=utf-8", ".xml": "application/xml; charset=utf-8",
	".csv": "text/csv; charset=utf-8", ".txt": "text/plain; charset=utf-8",
}

func serveBytes(w http.ResponseWriter, r *http.Request, name string, data []byte, status int) {
	ct := contentTypes[path.Ext(name)]
	if ct == "" {
		ct = http.DetectContentType(data)
	}
	if name == "feed.xml" || strings.HasSuffix(name, "/feed.xml") {
		ct = "application/atom+xml; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// ContentSecurityPolicy is the published site's policy (netlify.toml's,
// a test keeps them equal), so that what works here works in production;
// connect-src 'self' lets the live reload's event stream through. The
// timeline to embed (/embed/, /en/embed/) may be framed by any site.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// policy is the Content-Security-Policy of the page at path.
func policy(path string) string {
	if path == "/embed/" || strings.HasSuffix(path, "/embed/") && strings.Count(path, "/") == 3 {
		return strings.Replace(ContentSecurityPolicy, "frame-ancestors 'none'", "frame-ancestors *", 1)
	}
	return ContentSecurityPolicy
}

func securityHeaders(h http.Header, path string) {
	h.Set("Content-Security-Policy", policy(path))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
}

// events streams "reload" events, one per completed build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan int, 1)
	s.mu.Lock()
	s.subs[ch] = true
	v := s.version
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "retry: 500\nevent: hello\ndata: %d\n\n", v)
	fl.Flush()
	keep := time.NewTicker(15 * time.Second)
	defer keep.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-ch:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
			fl.Flush()
		case <-keep.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			fl.Flush()
		}
	}
}

// reloadScript reloads the page after each completed build. Served as a
// file, so the site's CSP (script-src 'self', connect-src 'self') allows it.
const reloadScript = `(function(){var v=null,es=new EventSource("` + EventsPath + `");` +
	`es.addEventListener("hello",function(e){if(v!==null&&e.data!==v){location.reload()}v=e.data});` +
	`es.addEventListener("reload",function(){location.reload()});})();`
