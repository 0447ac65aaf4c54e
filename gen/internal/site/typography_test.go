package site

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Typography of the words a reader sees, in the language of the element
// they are in (the nearest lang attribute): in French, a no-break space
// (U+00A0 or the narrow U+202F) before ; : ! ? and », and after «; in
// English, no space at all before ; : ! ? — except inside “quotation
// marks”, which keep the typography of what they quote (a French title in
// an English sentence). In both, ’ and curly quotes, never the typewriter's
// ' and ".

const (
	nbsp  = '\u00a0'
	nnbsp = '\u202f'
)

// punctuationProblems returns what is wrong with the spacing of text in
// language lang; prev is the character the reader saw just before text
// (0 at the start of a block).
func punctuationProblems(lang string, prev rune, text string) []string {
	var out []string
	say := func(i int, what string) {
		from, to := max(0, i-24), min(len(text), i+8)
		for from > 0 && !utf8.RuneStart(text[from]) {
			from--
		}
		for to < len(text) && !utf8.RuneStart(text[to]) {
			to++
		}
		out = append(out, fmt.Sprintf("%s: %q", what, text[from:to]))
	}
	fr := lang == "fr" || strings.HasPrefix(lang, "fr-")
	en := lang == "en" || strings.HasPrefix(lang, "en-")
	quoted := false
	for i, r := range text {
		next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
		switch {
		case fr && strings.ContainsRune(";:!?»", r):
			switch {
			case prev == ' ':
				say(i, fmt.Sprintf("plain space before %q; expected a no-break space", r))
			case r != '»' && (unicode.IsLetter(prev) || prev == ')' || prev == '»') && (next == ' ' || next == utf8.RuneError):
				say(i, fmt.Sprintf("no space before %q; expected a no-break space", r))
			}
		case (fr || en) && (r == '\'' || r == '"'):
			say(i, fmt.Sprintf("typewriter %q; expected ’ or a curly quote", r))
		case fr && prev == '«' && r == ' ':
			say(i, "plain space after «; expected a no-break space")
		case en && (r == '“' || r == '”'):
			quoted = r == '“'
		case en && !quoted && strings.ContainsRune(";:!?", r) && (prev == ' ' || prev == nbsp || prev == nnbsp):
			say(i, fmt.Sprintf("space before %q in English", r))
		}
		prev = r
	}
	return out
}

// readerText calls fn with the language, the character before and the text
// of every text node and every attribute a reader meets (title, alt,
// aria-label, and the description and title of the page's meta tags).
func readerText(n *html.Node, lang string, prev *rune, fn func(lang string, prev rune, text string)) {
	switch n.Type {
	case html.TextNode:
		if n.Data == "" {
			return
		}
		fn(lang, *prev, n.Data)
		*prev, _ = utf8.DecodeLastRuneInString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Code, atom.Pre, atom.Template, atom.Textarea:
			return
		}
		if l := attr(n, "lang"); l != "" {
			lang = l
		}
		for _, a := range n.Attr {
			read := a.Key == "title" || a.Key == "alt" || a.Key == "aria-label"
			if n.DataAtom == atom.Meta && a.Key == "content" {
				switch cmpOr(attr(n, "name"), attr(n, "property")) {
				case "description", "og:title", "og:description", "og:site_name":
					read = true
				}
			}
			if read {
				fn(lang, 0, a.Val)
			}
		}
		if isBlock(n.DataAtom) {
			*prev = 0
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		readerText(c, lang, prev, fn)
	}
	if n.Type == html.ElementNode && isBlock(n.DataAtom) {
		*prev = 0
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Dt, atom.Dd, atom.Dl, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.Section, atom.Article, atom.Nav, atom.Header, atom.Footer, atom.Main, atom.Table,
		atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Figcaption, atom.Figure, atom.Blockquote, atom.Br,
		atom.Summary, atom.Details, atom.Title, atom.Body, atom.Head:
		return true
	}
	return false
}

// TestTypography reads every page of the real site, both languages.
func TestTypography(t *testing.T) {
	out := realSite(t, repoRoot())
	paths := slices.Sorted(func(yield func(string) bool) {
		for p := range out.Files {
			// The CMS's page shows the CMS's own words, not the site's.
			if strings.HasSuffix(p, ".html") && !cmsFile(p) && !yield(p) {
				return
			}
		}
	})
	var problems []string
	checked := map[string]int{}
	for _, p := range paths {
		doc, err := html.Parse(bytes.NewReader(out.Files[p]))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var prev rune
		readerText(doc, "", &prev, func(lang string, prev rune, text string) {
			checked[lang] += len(text)
			for _, pr := range punctuationProblems(lang, prev, text) {
				problems = append(problems, p+": "+pr)
			}
		})
	}
	if checked["fr"] < 100000 || checked["en"] < 100000 {
		t.Errorf("read %d bytes of French and %d of English; expected the whole site", checked["fr"], checked["en"])
	}
	if len(problems) > 0 {
		n := len(problems)
		if n > 40 {
			problems = problems[:40]
		}
		t.Errorf("%d typography problems, the first ones:\n%s", n, strings.Join(problems, "\n"))
	}
}

// TestPunctuationProblems shows that the checker can fail, and on what.
func TestPunctuationProblems(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		prev       rune
		want       int
	}{
		{"fr", "Lien permanent\u00a0: ici", 0, 0},
		{"fr", "Et le Royaume-Uni\u202f? Puis\u202f; enfin\u202f!", 0, 0},
		{"fr", "« mot »", 0, 2},
		{"fr", "«\u202fmot\u202f»", 0, 0},
		{"fr", "Lien permanent : ici", 0, 1},
		{"fr", "Acme SA: la chronologie", 0, 1},
		{"fr", ": la suite", ' ', 1},
		{"fr", "à 10:30, https://example.org", 0, 0},
		{"fr-CA", "Québec ; Montréal", 0, 1},
		{"en", "Permalink: here; then? yes!", 0, 0},
		{"en", "Permalink : here", 0, 1},
		{"en", "Permalink\u00a0: here", 0, 1},
		{"en", ": here", ' ', 1},
		{"en", "a release titled “Reconnaissance faciale : la CNIL” ; then", 0, 1},
		{"de", "Recht ? Ja : nein", 0, 0},
		{"fr", "l'astreinte", 0, 1},
		{"en", `Acme's "appeal"`, 0, 3},
		{"en", "Acme’s “appeal”", 0, 0},
		{"de", "Acme's", 0, 0},
	} {
		if got := punctuationProblems(c.lang, c.prev, c.text); len(got) != c.want {
			t.Errorf("%s %q: %d problems %q; want %d", c.lang, c.text, len(got), got, c.want)
		}
	}
}
