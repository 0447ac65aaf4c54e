package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// English sets a plain string, such as a title or a summary, in the
// typography the Markdown typographer gives English bodies: the
// typewriter apostrophe becomes ’, and straight quotes become curly ones,
// opening (‘ “) at the start of a word and closing (’ ”) elsewhere.
// Editors type ' and "; a title and the body below it then read alike.
func English(s string) string {
	if !strings.ContainsAny(s, `'"`) {
		return s // nothing to set: most strings
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\'' && c != '"' {
			continue // every other byte is copied as it is, valid UTF-8 or not
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i]) // utf8.RuneError at the start
		b.WriteString(s[done:i])
		switch {
		case c == '\'' && opens(prev):
			b.WriteString("‘")
		case c == '\'':
			b.WriteString("’")
		case opens(prev):
			b.WriteString("“")
		default:
			b.WriteString("”")
		}
		done = i + 1
	}
	b.WriteString(s[done:])
	return b.String()
}

// opens reports whether a quote after prev opens a quotation: at the
// start (utf8.RuneError, as after an invalid byte), after a space, or after
// an opening bracket, dash or quote.
func opens(prev rune) bool {
	return prev == utf8.RuneError || unicode.IsSpace(prev) || strings.ContainsRune("([{‘“—–-/", prev)
}
