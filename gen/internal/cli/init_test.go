package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInit writes a new timeline, then builds and checks it in its own
// folder as its editors would: the build succeeds, gen check -strict is
// clean, and a folder that is not empty is refused untouched.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "timeline")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"init", dir}, &stdout, &stderr); code != ExitOK {
		t.Fatalf("init: exit %d\n%s", code, stderr.String())
	}
	for _, p := range []string{"README.md", ".gitignore", "content/data/site.yaml", "content/data/authorities.yaml",
		"content/events/2024-11-18-apd-sanction.md", "content/events/2024-11-18-apd-sanction.en.md",
		"layouts/base.html", "layouts/i18n/fr.yaml", "static/css/site.css", "static/js/site.js", "docs/editing.md"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			t.Errorf("init wrote no %s", p)
		}
	}
	stdout.Reset()
	stderr.Reset()
	if code := Main([]string{"build", "-root", dir, "-q"}, &stdout, &stderr); code != ExitOK || stderr.Len() > 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "evenements", "2024-11-18-apd-sanction", "index.html")); err != nil {
		t.Error(err)
	}
	stdout.Reset()
	if code := Main([]string{"check", "-root", dir, "-strict"}, &stdout, &stderr); code != ExitOK || stderr.Len() > 0 {
		t.Fatalf("check -strict: exit %d\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "gen check: ok") {
		t.Errorf("check: %q", stdout.String())
	}

	// Not an empty folder: nothing is written.
	before, _ := os.ReadFile(filepath.Join(dir, "content/data/site.yaml"))
	os.WriteFile(filepath.Join(dir, "content/data/site.yaml"), []byte("edited"), 0o644)
	stderr.Reset()
	if code := Main([]string{"init", dir}, &stdout, &stderr); code != ExitContent || !strings.Contains(stderr.String(), "not empty") {
		t.Errorf("init into a folder in use: exit %d, %q", code, stderr.String())
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "content/data/site.yaml")); string(b) != "edited" || len(before) == 0 {
		t.Error("init wrote into a folder in use")
	}
	if code := Main([]string{"init"}, &stdout, &stderr); code != ExitUsage {
		t.Errorf("init without a folder: exit %d", code)
	}
}
