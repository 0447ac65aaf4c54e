package serve

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/text/language"

	"timeline/gen/internal/content"
)

// The server's own pages beside the site.
const (
	errorStyle = "/_gen/error.css"
	guidePath  = "/_gen/guide/"
	guideFile  = "docs/editing.md"
)

// words are the error page's words, in the languages an editor may read.
var words = map[string]map[string]string{
	"fr": {
		"title":    "La compilation a échoué",
		"intro":    "La page se recharge d’elle-même dès que les problèmes ci-dessous sont corrigés.",
		"expected": "attendu",
		"fix":      "comment corriger",
		"warnings": "Avertissements",
		"note":     "Les messages sont en anglais, comme ceux de gen check.",
		"colon":    "\u00a0:",
	},
	"en": {
		"title":    "Build failed",
		"intro":    "The page reloads by itself once the problems below are fixed.",
		"expected": "expected",
		"fix":      "how to fix it",
		"warnings": "Warnings",
		"colon":    ":",
	},
}

var editorLangs = language.NewMatcher([]language.Tag{language.French, language.English})

// editorLang is the language of the error page: the browser's choice
// between French and English, French when it has none.
func editorLang(r *http.Request) string {
	tags, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	_, i, _ := editorLangs.Match(tags...) // the first, French, when no tag matches
	return []string{"fr", "en"}[i]
}

// errorPage shows why the build failed: each problem with its place, the
// lines of the file around it, and a link to the guide's entry for its
// field.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, err error, diags content.Diagnostics) {
	lang := editorLang(r)
	t := words[lang]
	_, guideErr := fs.Stat(s.fsys, guideFile)
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`, lang)
	fmt.Fprintf(&b, `<title>%s</title><link rel="stylesheet" href="%s"><script src="%s" defer></script></head><body><main>`, t["title"], errorStyle, ScriptPath)
	fmt.Fprintf(&b, `<h1>%s</h1><p>%s</p>`, t["title"], t["intro"])
	if t["note"] != "" {
		fmt.Fprintf(&b, `<p class="note">%s</p>`, t["note"])
	}
	if _, ok := errors.AsType[content.Diagnostics](err); !ok {
		fmt.Fprintf(&b, `<pre class="problem">%s</pre>`, html.EscapeString(err.Error()))
	}
	list := func(items content.Diagnostics) {
		b.WriteString(`<ol class="problems">`)
		for _, d := range items {
			fmt.Fprintf(&b, `<li><p class="where"><code>%s`, html.EscapeString(d.Path))
			if d.Line > 0 {
				fmt.Fprintf(&b, ":%d:%d", d.Line, max(d.Col, 1))
			}
			b.WriteString(`</code>`)
			if d.Field != "" {
				fmt.Fprintf(&b, ` <strong>%s</strong>`, html.EscapeString(d.Field))
			}
			fmt.Fprintf(&b, `</p><p class="what">%s</p>`, html.EscapeString(d.Problem))
			if d.Expected != "" {
				fmt.Fprintf(&b, `<p class="expected">%s%s %s</p>`, t["expected"], t["colon"], html.EscapeString(d.Expected))
			}
			s.excerpt(&b, d)
			if guideErr == nil {
				fmt.Fprintf(&b, `<p><a href="%s#%s">%s</a></p>`, guidePath, guideAnchor(d.Field), t["fix"])
			}
			b.WriteString(`</li>`)
		}
		b.WriteString(`</ol>`)
	}
	list(diags.Errors())
	if ws := diags.Warnings(); len(ws) > 0 {
		fmt.Fprintf(&b, `<h2>%s</h2>`, t["warnings"])
		list(ws)
	}
	b.WriteString(`</main></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(b.Bytes())
}

// excerpt writes the lines of d's file around its line, the line itself
// marked, with a caret under its column.
func (s *Server) excerpt(b *bytes.Buffer, d content.Diagnostic) {
	src, err := fs.ReadFile(s.fsys, d.Path)
	lines := strings.Split(string(src), "\n")
	if err != nil || d.Line < 1 || d.Line > len(lines) {
		return
	}
	b.WriteString(`<pre class="excerpt">`)
	for n := max(1, d.Line-2); n <= min(len(lines), d.Line+2); n++ {
		line := strings.TrimRight(lines[n-1], "\r")
		if n == d.Line {
			fmt.Fprintf(b, `<mark>%4d │ %s</mark>`+"\n", n, html.EscapeString(line))
			fmt.Fprintf(b, "     │ %s^\n", strings.Repeat(" ", max(d.Col, 1)-1))
		} else {
			fmt.Fprintf(b, "%4d │ %s\n", n, html.EscapeString(line))
		}
	}
	b.WriteString(`</pre>`)
}

// indexRE matches a field's index, "[1]" in "sources[1].url", and what
// follows it up to the next part.
var indexRE = regexp.MustCompile(`\[[^.]*`)

// guideAnchor is the guide's heading for a field: "sources[1].url" is
// explained under "sources.url", "penalty.rate.value" under the amounts;
// a message about no field links to the list of messages.
func guideAnchor(field string) string {
	name := indexRE.ReplaceAllString(field, "")
	for _, f := range content.EventSchema {
		if name == f.Name {
			return anchor(name)
		}
		for _, g := range f.Fields {
			if name == f.Name+"."+g.Name && f.Type != content.TypeMoney {
				return anchor(name)
			}
		}
		if strings.HasPrefix(name, f.Name+".") {
			if f.Type == content.TypeMoney || strings.HasPrefix(name, "penalty.") {
				return anchor("amount, penalty.rate, penalty.total, penalty.cap")
			}
			return anchor(f.Name)
		}
	}
	return anchor("What the checks say, and how to fix it")
}

// anchor is the id goldmark (and GitHub) gives a heading: lower case,
// letters, digits, hyphens and underscores kept, spaces made hyphens.
func anchor(heading string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '-'
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			return r
		}
		return -1
	}, strings.ToLower(heading))
}

// githubIDs gives a heading the id GitHub gives it (anchor); the guide's
// headings are unique, so no suffix is needed.
type githubIDs struct{}

func (githubIDs) Generate(value []byte, _ ast.NodeKind) []byte { return []byte(anchor(string(value))) }
func (githubIDs) Put([]byte)                                   {}

// guide serves the editors' guide, rendered from docs/editing.md, so that
// the error page's links work without the network.
func (s *Server) guide(w http.ResponseWriter) {
	src, err := fs.ReadFile(s.fsys, guideFile)
	if err != nil {
		http.Error(w, "no "+guideFile, http.StatusNotFound)
		return
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`)
	b.WriteString(`<title>Editing the timeline</title><link rel="stylesheet" href="` + errorStyle + `"></head><body><main class="guide">`)
	// Headings get GitHub's ids, which anchor makes: the links of the
	// error page lead to the same place here and on GitHub.
	if err := md.Convert(src, &b, parser.WithContext(parser.NewContext(parser.WithIDs(githubIDs{})))); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	b.WriteString(`</main></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// errorCSS lays out the error page and the guide: lines wrap, so that no
// part of a message is ever cut off.
const errorCSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 1rem; color: #1a1a1a; background: #fff; }
main { max-width: 60rem; margin: 0 auto; }
h1 { color: #a4161a; }
.problems { padding-left: 1.5rem; }
.problems li { margin: 0 0 1.5rem; }
.problems p { margin: 0.2rem 0; overflow-wrap: anywhere; }
.expected { color: #444; }
.note { color: #444; font-size: 0.9rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: 0.5rem; border-radius: 0.3rem; }
mark { background: #ffe08a; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2rem 0.4rem; vertical-align: top; }
code { overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) { body { color: #eee; background: #161616; } pre { background: #262626; } .expected, .note { color: #bbb; } mark { background: #6b5600; color: #fff; } a { color: #8ab4ff; } }
`
