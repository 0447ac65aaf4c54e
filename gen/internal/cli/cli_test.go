package cli

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMain lets the test binary act as the gen command for the tests that
// need a process of their own (a time zone, an environment).
func TestMain(m *testing.M) {
	if args := os.Getenv("GEN_TEST_ARGS"); args != "" {
		os.Exit(Main(strings.Fields(args), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// copyTree copies the repository's content, layouts and static folders.
func copyTree(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("..", "..", "..")
	for _, dir := range []string{"content", "layouts", "static"} {
		err := filepath.WalkDir(filepath.Join(src, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// hashes returns the sha256 of every file under dir.
func hashes(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTrees(t *testing.T, a, b map[string]string) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%d files against %d", len(a), len(b))
	}
	for p, h := range a {
		if b[p] != h {
			t.Errorf("%s differs", p)
		}
	}
}

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

const badEvent = `---
date: 17/10/2022
country: FR
authority: cnil
kind: amende
status: final
confirmation: decision-text
sourcse: x
sources:
  - url: javascript:alert(1)
    title: Décision
    publisher: CNIL
    language: fr
    primary: true
title: Sanction
summary: Résumé
---
Texte.
`

// TestBadEventKeepsPublic is the acceptance scenario: a file with four
// problems gives one line each with path:line:col, exit 1, and public/
// unchanged byte for byte.
func TestBadEventKeepsPublic(t *testing.T) {
	root := copyTree(t)
	if code, _, stderr := run("build", "-q", "-root", root); code != ExitOK {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	before := hashes(t, filepath.Join(root, "public"))
	if len(before) < 100 {
		t.Fatalf("only %d files built", len(before))
	}
	if err := os.WriteFile(filepath.Join(root, "content/events/2099-01-01-bad.md"), []byte(badEvent), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run("build", "-root", root)
	if code != ExitContent {
		t.Errorf("exit %d, want %d", code, ExitContent)
	}
	errLine := regexp.MustCompile(`^content/events/2099-01-01-bad\.md:\d+:\d+: (date|kind|sourcse|sources\[1\]\.url): `)
	var n int
	for _, line := range strings.Split(stderr, "\n") {
		if errLine.MatchString(line) {
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d error lines with path:line:col, want 4:\n%s", n, stderr)
	}
	if !strings.Contains(stderr, "gen build: 4 errors") {
		t.Errorf("no count of errors:\n%s", stderr)
	}
	sameTrees(t, before, hashes(t, filepath.Join(root, "public")))
}

// TestTimeZones builds the site in two far-apart time zones and locales,
// each in its own process: the trees must be identical.
func TestTimeZones(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site twice in subprocesses")
	}
	root := copyTree(t)
	var trees []map[string]string
	for i, env := range [][]string{
		{"TZ=Pacific/Kiritimati", "LANG=fr_FR.UTF-8", "LC_ALL=fr_FR.UTF-8"},
		{"TZ=America/Adak", "LANG=C", "LC_ALL=C"},
	} {
		out := filepath.Join(root, fmt.Sprintf("out%d", i))
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), append(env, "GEN_TEST_ARGS=build -q -root "+root+" -out "+out)...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", env, err, b)
		}
		trees = append(trees, hashes(t, out))
	}
	sameTrees(t, trees[0], trees[1])
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"build", "-nope"}, {"build", "extra"}, {"check", "-x"}} {
		if code, _, _ := run(args...); code != ExitUsage {
			t.Errorf("gen %v: exit %d, want %d", args, code, ExitUsage)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if code, _, stderr := run("build", "-root", t.TempDir()); code != ExitUsage || !strings.Contains(stderr, "SOURCE_DATE_EPOCH") {
		t.Errorf("bad SOURCE_DATE_EPOCH: exit %d, %s", code, stderr)
	}
}

func TestCheckWritesNothing(t *testing.T) {
	root := copyTree(t)
	code, stdout, stderr := run("check", "-root", root)
	if code != ExitOK || !strings.Contains(stdout, "ok") {
		t.Errorf("check: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
		t.Error("check wrote public/")
	}
	// The real content's warnings are all reviewed: -strict passes, and
	// fails once the review is gone.
	if code, stdout, stderr := run("check", "-strict", "-root", root); code != ExitOK || !strings.Contains(stdout, "reviewed warnings accepted") {
		t.Errorf("check -strict: exit %d, want %d\n%s%s", code, ExitOK, stdout, stderr)
	}
	if err := os.Remove(filepath.Join(root, "content/data/reviewed-warnings.yaml")); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run("check", "-strict", "-root", root); code != ExitContent {
		t.Errorf("check -strict with warnings: exit %d, want %d", code, ExitContent)
	}
}

func TestNetlifyContexts(t *testing.T) {
	env := map[string]string{"CONTEXT": "deploy-preview", "URL": "https://prod.example", "DEPLOY_PRIME_URL": "https://deploy-preview-7--x.netlify.app"}
	var c common
	opt, err := c.options(func(k string) string { return env[k] })
	if err != nil || opt.BaseURL != env["DEPLOY_PRIME_URL"] || !opt.Preview {
		t.Errorf("deploy preview: %+v %v", opt, err)
	}
	env["CONTEXT"] = "production"
	opt, _ = c.options(func(k string) string { return env[k] })
	if opt.BaseURL != env["URL"] || opt.Preview {
		t.Errorf("production: %+v", opt)
	}
	env["SOURCE_DATE_EPOCH"] = "1700000000"
	opt, _ = c.options(func(k string) string { return env[k] })
	if opt.Now.String() != "2023-11-14" {
		t.Errorf("SOURCE_DATE_EPOCH: now = %v", opt.Now)
	}
}
