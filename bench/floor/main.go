// Command floor is the benchmark's floor: the least a Go program must do to
// turn the benchmark's Markdown into pages. It reads every *.md under -in
// (Hugo-style files: front matter between two "---" lines, split by hand
// into flat "key: value" lines, no YAML), renders each body with goldmark
// and each page with html/template, and writes one page per file plus one
// date-sorted index per language. Two goroutines; no validation, no
// minification, no atomic publishing.
//
//	go build -o floor ./bench/floor
//	floor -in DIR/hugo/content/events -out DIR/out-floor
//
// With -yaml it reads the front matter as YAML (github.com/adrg/frontmatter
// and go.yaml.in/yaml/v3 into a node tree, as a generator that validates
// and reports positions must at least do), and with
// -minify it minifies every page with tdewolff/minify's HTML minifier
// (the settings of the site's generator). These two measure the least that
// the two costs a full build cannot skip add to the floor.
//
// ID.md is French and goes to events/ID/index.html; ID.en.md is English
// and goes to en/events/ID/index.html (the paths Hugo uses). Goldmark gets
// the Markdown features the site's generator turns on (GitHub tables and
// links, footnotes, typographer, heading ids), so that both parse the same
// syntax; the site's own rules (French spacing, link resolution and
// checks, raw HTML refusal) are left out.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/adrg/frontmatter"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/json"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"go.yaml.in/yaml/v3"
)

type page struct {
	ID, Lang, Title, Date, Summary, Country, Kind, Amount, Currency string
	Home, SiteTitle                                                 string
	Body                                                            template.HTML
}

var siteTitles = map[string]string{
	"fr": "Clearview AI : la chronologie des sanctions",
	"en": "Clearview AI: the enforcement timeline",
}

var eventTmpl = template.Must(template.New("event").Parse(`<!doctype html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .SiteTitle }}</title>
<meta name="description" content="{{ .Summary }}">
</head>
<body>
<header><a href="{{ .Home }}">{{ .SiteTitle }}</a></header>
<main>
<article>
<h1>{{ .Title }}</h1>
<p class="facts"><time datetime="{{ .Date }}">{{ .Date }}</time>{{ with .Country }} · {{ . }}{{ end }}{{ with .Kind }} · {{ . }}{{ end }}{{ with .Amount }} · {{ . }} {{ $.Currency }}{{ end }}</p>
<p class="summary">{{ .Summary }}</p>
{{ .Body }}
</article>
</main>
</body>
</html>
`))

var indexTmpl = template.Must(template.New("index").Parse(`<!doctype html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .SiteTitle }}</title>
</head>
<body>
<main>
<h1>{{ .SiteTitle }}</h1>
<ol class="timeline">
{{ range .Events }}<li><a href="{{ .Home }}events/{{ .ID }}/">{{ .Title }}</a> <time datetime="{{ .Date }}">{{ .Date }}</time><p>{{ .Summary }}</p></li>
{{ end }}</ol>
</main>
</body>
</html>
`))

func main() {
	in := flag.String("in", "", "folder of Markdown files (walked)")
	out := flag.String("out", "", "output folder")
	workers := flag.Int("workers", 2, "goroutines rendering pages")
	flag.BoolVar(&opt.yaml, "yaml", false, "read the front matter as YAML")
	flag.BoolVar(&opt.minify, "minify", false, "minify every page")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: floor -in DIR -out DIR [-workers 2]")
		os.Exit(2)
	}
	if err := run(*in, *out, *workers); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

var opt struct{ yaml, minify bool }

var minifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/ld+json", json.Minify)
	return m
}()

func run(in, out string, workers int) error {
	var paths []string
	err := filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	pages := make([]*page, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int, len(paths))
	for i := range paths {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			var body, html, min bytes.Buffer
			for i := range next {
				pages[i], errs[i] = render(md, paths[i], out, &body, &html, &min)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	byLang := map[string][]*page{}
	for _, p := range pages {
		byLang[p.Lang] = append(byLang[p.Lang], p)
	}
	for lang, ps := range byLang {
		sort.Slice(ps, func(i, j int) bool {
			if ps[i].Date != ps[j].Date {
				return ps[i].Date < ps[j].Date
			}
			return ps[i].ID < ps[j].ID
		})
		var buf, min bytes.Buffer
		err := indexTmpl.Execute(&buf, map[string]any{"Lang": lang, "SiteTitle": siteTitles[lang], "Events": ps})
		if err != nil {
			return err
		}
		page, err := minified(&buf, &min)
		if err != nil {
			return err
		}
		if err := write(filepath.Join(out, prefix(lang), "index.html"), page); err != nil {
			return err
		}
	}
	return nil
}

func prefix(lang string) string {
	if lang == "fr" {
		return ""
	}
	return lang
}

// minified returns page, minified into min with -minify.
func minified(page, min *bytes.Buffer) ([]byte, error) {
	if !opt.minify {
		return page.Bytes(), nil
	}
	min.Reset()
	if err := minifier.Minify("text/html", min, page); err != nil {
		return nil, err
	}
	return min.Bytes(), nil
}

func render(md goldmark.Markdown, path, out string, body, html, min *bytes.Buffer) (*page, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	split := split
	if opt.yaml {
		split = splitYAML
	}
	meta, text, err := split(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	name := strings.TrimSuffix(filepath.Base(path), ".md")
	lang := "fr"
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name, lang = name[:i], name[i+1:]
	}
	p := &page{ID: name, Lang: lang, Title: meta["title"], Date: meta["date"], Summary: meta["summary"],
		Country: meta["country"], Kind: meta["kind"], Amount: meta["amount"], Currency: meta["currency"],
		SiteTitle: siteTitles[lang], Home: "/"}
	if lang != "fr" {
		p.Home = "/" + lang + "/"
	}
	body.Reset()
	if err := md.Convert(text, body); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	p.Body = template.HTML(body.String())
	html.Reset()
	if err := eventTmpl.Execute(html, p); err != nil {
		return nil, err
	}
	p.Body = "" // the index does not need it
	page, err := minified(html, min)
	if err != nil {
		return nil, err
	}
	return p, write(filepath.Join(out, prefix(lang), "events", name, "index.html"), page)
}

// splitYAML cuts the front matter off src and decodes it as YAML, into a
// yaml.v3 node tree as ours does (a validating build needs the line and
// column of every value); the top-level scalars are kept as text.
func splitYAML(src []byte) (map[string]string, []byte, error) {
	var root yaml.Node
	format := frontmatter.NewFormat("---", "---", func(b []byte, _ any) error {
		return yaml.Unmarshal(b, &root)
	})
	text, err := frontmatter.MustParse(bytes.NewReader(src), nil, format)
	if err != nil {
		return nil, nil, err
	}
	meta := map[string]string{}
	if len(root.Content) == 1 && root.Content[0].Kind == yaml.MappingNode {
		m := root.Content[0].Content
		for i := 0; i+1 < len(m); i += 2 {
			if m[i+1].Kind == yaml.ScalarNode {
				meta[m[i].Value] = m[i+1].Value
			}
		}
	}
	return meta, text, nil
}

// split cuts the front matter off src and reads its top-level
// "key: value" lines; double-quoted values are unquoted.
func split(src []byte) (map[string]string, []byte, error) {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, nil, errors.New("no front matter")
	}
	rest := src[4:]
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		return nil, nil, errors.New("front matter not closed")
	}
	meta := map[string]string{}
	for _, line := range strings.Split(string(rest[:end]), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || k == "" || k[0] == ' ' {
			continue
		}
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, `"`) {
			if u, err := strconv.Unquote(v); err == nil {
				v = u
			}
		}
		meta[k] = v
	}
	return meta, rest[end+5:], nil
}

func write(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
