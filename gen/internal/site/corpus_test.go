package site

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"timeline/gen/internal/cms"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

const corpusSite = `languages: [fr, en]
title: {fr: Titre, en: Title}
description: {fr: Description, en: Description}
subject: Exemple SA
base_url: https://example.org/
as_of: 2026-02-20
`

const corpusAuthorities = `cnil:
  name: {fr: CNIL, en: CNIL}
  country: FR
`

const corpusEvent = `---
date: 2020-01-01
country: FR
authority: cnil
kind: notice
status: final
confirmation: decision-text
sources:
  - url: https://example.org/base
    title: Base
    publisher: CNIL
    language: fr
    primary: true
title: Base
summary: Un événement valide.
---
Texte.
`

// corpusFS is the repository's layouts and static files, a minimal site
// configuration and one valid event: the ground the corpus files stand on.
func corpusFS(t testing.TB) fstest.MapFS {
	fsys := repoFS(t)
	fsys["content/data/site.yaml"] = &fstest.MapFile{Data: []byte(corpusSite)}
	fsys["content/data/authorities.yaml"] = &fstest.MapFile{Data: []byte(corpusAuthorities)}
	fsys["content/events/2020-01-01-base.md"] = &fstest.MapFile{Data: []byte(corpusEvent)}
	return fsys
}

// TestCorpus builds each file of testdata/corpus: a bad or odd input beside
// a valid site. want/errors holds the exact errors (go test -update
// rewrites it); want/ok means the site builds, and then no page may carry
// anything the layouts did not write.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.txtar")
	if len(files) < 40 {
		t.Fatalf("%d corpus files; the corpus has at least 40", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			fsys := corpusFS(t)
			wantErr, wantOK := "", false
			for i, f := range a.Files {
				switch f.Name {
				case "want/errors":
					wantErr = string(f.Data)
					_ = i
				case "want/ok":
					wantOK = true
				default:
					fsys[f.Name] = &fstest.MapFile{Data: f.Data}
				}
			}
			out, _, err := BuildAll(fsys, Options{})
			if wantOK {
				if err != nil {
					t.Fatalf("does not build: %v", err)
				}
				checkNothingInjected(t, out)
				return
			}
			if err == nil {
				t.Fatal("builds; expected errors")
			}
			got := err.Error() + "\n"
			for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
				if !strings.HasPrefix(line, "content/") {
					t.Errorf("an error that names no file: %s", line)
				}
			}
			if *update {
				for i := range a.Files {
					if a.Files[i].Name == "want/errors" {
						a.Files[i].Data = []byte(got)
					}
				}
				os.WriteFile(file, txtar.Format(a), 0o644)
				return
			}
			if got != wantErr {
				t.Errorf("errors (go test -update to accept):\ngot:\n%swant:\n%s", got, wantErr)
			}
		})
	}
}

// checkNothingInjected parses every page: the only scripts are the site's
// own file and JSON-LD that parses; no event-handler attribute; no
// javascript:, data: or vbscript: URL; no frame, object or embed.
func checkNothingInjected(t testing.TB, out *Output) {
	t.Helper()
	for _, p := range out.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(out.Files[p]))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			switch n.Data {
			case "script":
				src, typ := attr(n, "src"), attr(n, "type")
				switch {
				case typ == "application/ld+json":
					var v any
					if err := json.Unmarshal([]byte(textOf(n)), &v); err != nil {
						t.Errorf("%s: JSON-LD does not parse: %v", p, err)
					}
				case strings.HasPrefix(src, "/js/site.") && strings.HasSuffix(src, ".js"):
				case strings.HasPrefix(src, "/js/search.") && typ == "module" && (strings.HasSuffix(p, "search/index.html") || strings.HasPrefix(p, "recherche/")):
				case p == cms.IndexFile && (src == "/"+cms.Bundle || src == "/"+cms.Prefs) && textOf(n) == "": // the CMS's page
				default:
					t.Errorf("%s: a script the layouts did not write: src=%q type=%q %q", p, src, typ, textOf(n))
				}
			case "iframe", "object", "embed", "frame", "base", "form":
				if n.Data != "form" || attr(n, "id") != "filters" && attr(n, "id") != "search" {
					t.Errorf("%s: <%s> element", p, n.Data)
				}
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(k, "on") {
					t.Errorf("%s: <%s %s=%q>", p, n.Data, a.Key, a.Val)
				}
				if (k == "href" || k == "src" || k == "action" || k == "formaction" || k == "xlink:href") &&
					(strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:")) {
					t.Errorf("%s: <%s %s=%q>", p, n.Data, a.Key, a.Val)
				}
				if k == "style" {
					t.Errorf("%s: style attribute on <%s>", p, n.Data)
				}
			}
		}
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// TestHugeInputs: files too big, lines too long and links out of the
// tree are refused, each with an error naming the file.
func TestHugeInputs(t *testing.T) {
	big := corpusEvent + strings.Repeat("Un paragraphe de texte ordinaire.\n", 10<<20/34)
	long := strings.Replace(corpusEvent, "Texte.", strings.Repeat("x", 100000), 1)
	for name, tt := range map[string]struct{ src, want string }{
		"10 MB":        {big, "content/events/2020-02-02-x.md:1:1: file is 1048"},
		"long line":    {long, "content/events/2020-02-02-x.md:17:20001: line longer than 20000 bytes"},
		"deep nesting": {strings.Replace(corpusEvent, "title: Base", strings.Repeat("[", 5000)+strings.Repeat("]", 5000)+"\ntitle: Base", 1), "content/events/2020-02-02-x.md:"},
	} {
		t.Run(name, func(t *testing.T) {
			fsys := corpusFS(t)
			fsys["content/events/2020-02-02-x.md"] = &fstest.MapFile{Data: []byte(tt.src)}
			_, _, err := BuildAll(fsys, Options{})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want one starting %q", err, tt.want)
			}
		})
	}
}

func TestSymlinkOutOfTree(t *testing.T) {
	root := t.TempDir()
	for p, f := range corpusFS(t) {
		full := filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, f.Data, 0o644)
	}
	outside := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(outside, []byte(strings.Replace(corpusEvent, "title: Base", "title: SECRET", 1)), 0o644)
	if err := os.Symlink(outside, filepath.Join(root, "content/events/2020-03-03-lien.md")); err != nil {
		t.Skip(err)
	}
	_, _, err := BuildAll(os.DirFS(root), Options{})
	want := "content/events/2020-03-03-lien.md: symbolic link; expected a plain file inside content/"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}
