package cli

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer collects the server's output from its goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs gen serve on a copy of the site and returns its address.
func startServe(t *testing.T) (root, base string) {
	t.Helper()
	root = copyTree(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var out syncBuffer
	go func() { done <- ServeOn(ctx, root, ln, &out, &out) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve stopped with %v", err)
			}
			if !strings.Contains(out.String(), "gen serve: stopped") {
				t.Errorf("serve did not stop cleanly:\n%s", out.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s")
		}
	})
	return root, "http://" + ln.Addr().String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// reloads opens the event stream and returns a channel of reload events.
func reloads(t *testing.T, base string) <-chan string {
	t.Helper()
	resp, err := http.Get(base + "/_gen/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	ch := make(chan string, 16)
	hello := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(resp.Body)
		var event string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && event == "hello":
				close(hello)
			case strings.HasPrefix(line, "data: ") && event == "reload":
				ch <- strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	select {
	case <-hello:
	case <-time.After(5 * time.Second):
		t.Fatal("no hello on the event stream")
	}
	return ch
}

func waitReload(t *testing.T, ch <-chan string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatal("no reload event within 10 s")
	}
}

func TestServeLiveReload(t *testing.T) {
	root, base := startServe(t)
	const page = "/evenements/2022-10-17-cnil-sanction/"
	code, body := get(t, base+page)
	if code != 200 || !strings.Contains(body, `src="/_gen/reload.js"`) && !strings.Contains(body, `src=/_gen/reload.js`) {
		t.Fatalf("GET %s: %d, reload script missing", page, code)
	}
	events := reloads(t, base)
	file := filepath.Join(root, "content/events/2022-10-17-cnil-sanction.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}

	// Edit: the reload arrives and the page shows the edit.
	edited := strings.Replace(string(orig), "Le lundi 17 octobre 2022", "Le lundi 17 octobre 2022, texte modifié en direct,", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	waitReload(t, events)
	if _, body := get(t, base+page); !strings.Contains(body, "texte modifié en direct") {
		t.Fatal("the page does not show the edit after the reload event")
	}

	// Break: the page shows the error with path:line:col.
	broken := strings.Replace(edited, "kind: fine", "kind: amende", 1)
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	waitReload(t, events)
	code, body = get(t, base+page)
	if code != 500 || !regexp.MustCompile(`content/events/2022-10-17-cnil-sanction\.md:\d+:\d+</code> <strong>kind</strong>`).MatchString(body) {
		t.Fatalf("broken file: %d\n%s", code, body)
	}
	if code, _ := get(t, base+"/en/"); code != 500 {
		t.Errorf("another page while broken: %d, want the error page", code)
	}

	// Fix: the page is back.
	if err := os.WriteFile(file, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	waitReload(t, events)
	code, body = get(t, base+page)
	if code != 200 || strings.Contains(body, "texte modifié en direct") || !strings.Contains(body, "SAN-2022-019") {
		t.Fatalf("fixed file: %d", code)
	}

	// A draft is shown, and marked.
	scaffoldArgs := []string{"new", "-root", root, "-date", "2026-03-01", "-country", "FR", "-authority", "cnil", "-kind", "fine", "-slug", "essai"}
	if code, _, stderr := run(scaffoldArgs...); code != ExitOK {
		t.Fatal(stderr)
	}
	waitReload(t, events)
	for i := 0; i < 20; i++ { // the two files of gen new may arrive as two rebuilds
		code, body = get(t, base+"/evenements/2026-03-01-essai/")
		if code == 200 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if code != 200 || !strings.Contains(body, "Brouillon") {
		t.Errorf("draft page: %d, marked: %v", code, strings.Contains(body, "Brouillon"))
	}
}

func TestServeRefusesEscapes(t *testing.T) {
	root, base := startServe(t)
	os.WriteFile(filepath.Join(filepath.Dir(root), "secret.txt"), []byte("secret"), 0o644)
	for _, p := range []string{
		"/../secret.txt", "/..%2fsecret.txt", "/evenements/..%2F..%2Fsecret.txt", "/%2e%2e/secret.txt",
		"/content/events/2022-10-17-cnil-sanction.md", "/etc/passwd", "//etc/passwd", "/a%5c..%5csecret.txt", "/go.mod",
	} {
		req, _ := http.NewRequest("GET", base+p, nil)
		req.URL.Opaque = p // send the path exactly as written
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 || strings.Contains(string(b), "secret") || strings.Contains(string(b), "module ") || strings.Contains(string(b), "root:") {
			t.Errorf("GET %s: %d", p, resp.StatusCode)
		}
	}
}

func TestServeBindsWhereTold(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, copyTree(t), addr, &out, &out) }()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "http://"+addr) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	_, port, _ := net.SplitHostPort(addr)
	// Reachable on the address given…
	if c, err := net.Dial("tcp", addr); err != nil {
		t.Errorf("not listening on %s: %v", addr, err)
	} else {
		c.Close()
	}
	// …and on no other interface of this machine.
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		ipnet, ok := a.(*net.IPNet)
		if !ok || ipnet.IP.IsLoopback() {
			continue
		}
		if c, err := net.DialTimeout("tcp", net.JoinHostPort(ipnet.IP.String(), port), time.Second); err == nil {
			c.Close()
			t.Errorf("also listening on %s", ipnet.IP)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Error(err)
	}
	if code, _, _ := run("serve", "-addr", "not an address"); code != ExitContent {
		t.Errorf("bad -addr: exit %d", code)
	}
}

func TestNewThenCheck(t *testing.T) {
	root := copyTree(t)
	args := []string{"new", "-root", root, "-date", "2024-05-16", "-country", "NL", "-authority", "ap", "-kind", "fine", "-slug", "essai"}
	if code, stdout, stderr := run(args...); code != ExitOK || !strings.Contains(stdout, "2024-05-16-essai.md") {
		t.Fatalf("gen new: %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := run("check", "-root", root); code != ExitOK {
		t.Fatalf("gen check after gen new: %d\n%s", code, stderr)
	}
	// Never overwrites.
	file := filepath.Join(root, "content/events/2024-05-16-essai.md")
	before, _ := os.ReadFile(file)
	if code, _, stderr := run(args...); code != ExitContent || !strings.Contains(stderr, "already exists") {
		t.Errorf("second gen new: %d %s", code, stderr)
	}
	if after, _ := os.ReadFile(file); string(after) != string(before) {
		t.Error("gen new overwrote a file")
	}
	// An invalid kind: gen check fails with path:line:col.
	os.WriteFile(file, []byte(strings.Replace(string(before), "kind: fine", "kind: amende", 1)), 0o644)
	code, _, stderr := run("check", "-root", root)
	if code != ExitContent || !regexp.MustCompile(`content/events/2024-05-16-essai\.md:\d+:\d+: kind: "amende" is not allowed`).MatchString(stderr) {
		t.Errorf("gen check with kind: amende: %d\n%s", code, stderr)
	}
	// Usage errors.
	for _, bad := range [][]string{
		{"new", "-root", root},
		{"new", "-root", root, "-date", "17/10/2022", "-country", "FR", "-authority", "cnil", "-kind", "fine", "-slug", "x"},
		{"new", "-root", root, "-date", "2022-10-17", "-country", "FR", "-authority", "cnil", "-kind", "amende", "-slug", "x"},
		{"new", "-root", root, "-date", "2022-10-17", "-country", "FR", "-authority", "cnil", "-kind", "fine", "-slug", "Not A Slug"},
	} {
		if code, _, _ := run(bad...); code != ExitUsage {
			t.Errorf("gen %v: exit %d, want %d", bad, code, ExitUsage)
		}
	}
}

func TestCheckExternal(t *testing.T) {
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ok" {
			w.WriteHeader(200)
			return
		}
		http.NotFound(w, r)
	})}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go srv.Serve(ln)
	defer srv.Close()
	root := copyTree(t)
	// Point every source at the local server: one answers, one does not.
	dir := filepath.Join(root, "content/events")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".en.md") {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		re := regexp.MustCompile(`url: \S+`)
		s := re.ReplaceAllString(string(b), "url: http://"+ln.Addr().String()+"/ok")
		if e.Name() == "2022-10-17-cnil-sanction.md" {
			s = strings.Replace(s, "/ok", "/gone", 1)
		}
		os.WriteFile(filepath.Join(dir, e.Name()), []byte(s), 0o644)
	}
	code, _, stderr := run("check", "-external", "-root", root)
	if code != ExitContent || !regexp.MustCompile(`content/events/2022-10-17-cnil-sanction\.md:\d+:\d+: sources\[1\]\.url: http://\S+/gone answered 404 Not Found`).MatchString(stderr) {
		t.Errorf("check -external: %d\n%s", code, stderr)
	}
	if strings.Count(stderr, "answered") != 1 {
		t.Errorf("more than the one broken source reported:\n%s", stderr)
	}
	if code, _, _ := run("check", "-root", root); code != ExitOK {
		t.Error("check without -external looked at the network")
	}
}
