// Package markdown turns the Markdown bodies of content files into HTML,
// with one goldmark instance per language, built once and shared by every
// page of the build.
//
// It is where the site's Markdown rules live, inside goldmark rather than
// by rewriting its HTML: GitHub tables, footnotes for citations, heading
// ids (ascii, from the heading text or written {#like-this}), the
// typographer set for each language, French no-break spaces before ; : ! ?
// and inside « », links to other content files written by file name
// (2022-10-17-cnil-sanction.md, glossary.md#astreinte) resolved to the
// page of the same language, and raw HTML refused with its position.
package markdown

import (
	"bytes"
	"cmp"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"
)

// Resolver maps the name of a content file (an event id or a page key,
// without .md) to the URL of its page in the language being rendered.
type Resolver func(name string) (url string, ok bool)

// Problem is something wrong in a body, at a byte offset of the source.
type Problem struct {
	Offset   int
	Field    string
	Problem  string
	Expected string
}

// Ref is a link to another content file's anchor, to be checked once
// every body is rendered.
type Ref struct {
	Offset   int
	Name     string // event id or page key
	Fragment string
}

// Result is a rendered body.
type Result struct {
	HTML     []byte
	IDs      []string // heading ids, in order
	Refs     []Ref
	Problems []Problem
}

// Renderer holds one configured goldmark per language. It is safe for
// concurrent use.
type Renderer map[string]goldmark.Markdown

type state struct {
	lang     string
	resolve  Resolver
	refs     []Ref
	problems []Problem
}

var stateKey = parser.NewContextKey()

// New builds the Markdown renderer for the given languages.
func New(langs []string) Renderer {
	r := Renderer{}
	for _, l := range langs {
		r[l] = goldmark.New(
			goldmark.WithExtensions(
				extension.GFM,
				extension.Footnote,
				extension.NewTypographer(extension.WithTypographicSubstitutions(substitutions(l))),
			),
			goldmark.WithParserOptions(
				parser.WithAutoHeadingID(),
				parser.WithAttribute(),
				parser.WithASTTransformers(util.Prioritized(transformer{}, 1000)),
			),
			goldmark.WithRendererOptions(html.WithXHTML()),
		)
	}
	return r
}

// substitutions are the typographer's quotes in lang: « » in French.
func substitutions(lang string) map[extension.TypographicPunctuation]string {
	s := map[extension.TypographicPunctuation]string{
		extension.LeftDoubleQuote:  "“",
		extension.RightDoubleQuote: "”",
		extension.LeftSingleQuote:  "‘",
		extension.RightSingleQuote: "’",
		extension.Apostrophe:       "’",
	}
	if lang == "fr" {
		s[extension.LeftDoubleQuote], s[extension.RightDoubleQuote] = "«\u202f", "\u202f»"
		s[extension.LeftAngleQuote], s[extension.RightAngleQuote] = "«\u202f", "\u202f»"
	}
	return s
}

// Render converts src, the body of a content file, in language lang.
func (r Renderer) Render(lang string, src []byte, resolve Resolver) Result {
	md, ok := r[lang]
	if !ok {
		panic("markdown: no renderer for language " + lang)
	}
	st := &state{lang: lang, resolve: resolve}
	ids := &headingIDs{seen: map[string]bool{}}
	ctx := parser.NewContext(parser.WithIDs(ids))
	ctx.Set(stateKey, st)
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2) // HTML is about that much longer than its Markdown
	if err := md.Convert(src, &buf, parser.WithContext(ctx)); err != nil {
		st.problems = append(st.problems, Problem{Field: "body", Problem: err.Error()})
	}
	return Result{HTML: buf.Bytes(), IDs: ids.order, Refs: st.refs, Problems: st.problems}
}

// Slug is s in lowercase ascii letters and digits, the rest turned into
// single hyphens: "Délibération n° 35" → "deliberation-n-35".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// headingIDs makes ascii ids from heading text: "Délibération" → "deliberation".
type headingIDs struct {
	seen  map[string]bool
	order []string
}

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	id := cmp.Or(Slug(string(value)), "section")
	base := id
	for i := 1; h.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.Put([]byte(id))
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) {
	id := string(value)
	if !h.seen[id] {
		h.seen[id] = true
		h.order = append(h.order, id)
	}
}

const rawHTMLExpected = "Markdown only (HTML is not passed through): write the text in Markdown"

// transformer checks links and raw HTML, and sets French spacing.
type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := pc.Get(stateKey).(*state) // Render sets it
	src := reader.Source()
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			st.problems = append(st.problems, Problem{Offset: offsetOf(n), Field: "body",
				Problem: "raw HTML", Expected: rawHTMLExpected})
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			off, tag := 0, ""
			if n.Segments.Len() > 0 {
				seg := n.Segments.At(0)
				v := seg.Value(src)
				off, tag = seg.Start, strings.TrimSpace(string(v[:min(len(v), 40)]))
			}
			st.problems = append(st.problems, Problem{Offset: off, Field: "body",
				Problem: "raw HTML " + tag, Expected: rawHTMLExpected})
		case *ast.Link:
			n.Destination = st.link(n.Destination, offsetOf(n), false)
		case *ast.Image:
			n.Destination = st.link(n.Destination, offsetOf(n), true)
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				u := strings.ToLower(string(n.URL(src)))
				if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "www.") {
					st.problems = append(st.problems, Problem{Offset: offsetOf(n), Field: "body",
						Problem: "link to " + quote(string(n.URL(src))), Expected: "an http or https address"})
				}
			}
		case *ast.Text:
			texts = append(texts, n)
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if st.lang == "fr" {
		// Backwards, so that a node still sees the plain text before it.
		for i := len(texts) - 1; i >= 0; i-- {
			frenchSpacing(texts[i], src)
		}
	}
}

// offsetOf finds where a node is written: an inline node's first text,
// or the first line of its block.
func offsetOf(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return max(t.Segment.Start-1, 0)
		}
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// link checks a destination and returns what the page links to.
func (st *state) link(dest []byte, off int, image bool) []byte {
	d := string(dest)
	lower := strings.ToLower(d)
	bad := func(expected string) []byte {
		st.problems = append(st.problems, Problem{Offset: off, Field: "body", Problem: "link to " + quote(d), Expected: expected})
		return []byte("#")
	}
	if image {
		if !strings.HasPrefix(d, "/") || strings.HasPrefix(d, "//") {
			return bad("an image of the site, from /, e.g. /images/x.svg: pages load nothing from other sites")
		}
		return dest
	}
	switch {
	case strings.HasPrefix(lower, "https://"), strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "mailto:"),
		strings.HasPrefix(d, "#"):
		return dest
	case strings.HasPrefix(d, "//"):
		return bad("an address starting with https://")
	case strings.HasPrefix(d, "/"):
		return dest
	}
	file, frag, _ := strings.Cut(d, "#")
	if !strings.HasSuffix(file, ".md") || strings.Contains(file, ":") {
		return bad("https://…, a content file such as 2022-10-17-cnil-sanction.md or glossary.md#astreinte, or #anchor")
	}
	name := strings.TrimSuffix(file[strings.LastIndexByte(file, '/')+1:], ".md")
	url, ok := st.resolve(name)
	if !ok {
		return bad("the file name of an event or page, e.g. 2022-10-17-cnil-sanction.md")
	}
	if frag != "" {
		st.refs = append(st.refs, Ref{Offset: off, Name: name, Fragment: frag})
		url += "#" + frag
	}
	return []byte(url)
}

func quote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}
