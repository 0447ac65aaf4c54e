package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// French typography: a no-break space before ; : ! ? and », after «, and
// between the groups of digits of a number (100 000). Editors type plain
// spaces; the reader never sees « alone at the end of a line.
const (
	nnbsp = "\u202f" // narrow no-break space: before ; ! ? and inside « »
	nbsp  = "\u00a0" // no-break space: before :
)

// French applies the French spacing rules to a plain string, such as a
// title or a summary, and turns the typewriter apostrophe into ’:
//   - a run of spaces (plain or no-break) before ; ! ? » becomes one
//     narrow no-break space, and before : one no-break space;
//   - a run of spaces after « becomes one narrow no-break space;
//   - the space between a digit and a group of three digits that ends
//     the number (100 000, 1 000 000) becomes a narrow no-break space.
//
// It runs for every text node of every French body, so it is one pass
// over the bytes and allocates only when it changes something.
func French(s string) string {
	if !strings.ContainsAny(s, ";:!?«»'") && !hasDigitSpace(s) {
		return s // nothing to set: most text nodes
	}
	var b strings.Builder
	done := 0 // s[:done] is in b, or unchanged if b is empty
	put := func(upto int, repl string, next int) {
		if b.Len() == 0 {
			b.Grow(len(s) + 8)
		}
		b.WriteString(s[done:upto])
		b.WriteString(repl)
		done = next
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\'':
			put(i, "’", i+1)
			i++
		case c == ' ' || strings.HasPrefix(s[i:], nbsp) || strings.HasPrefix(s[i:], nnbsp):
			j := skipSpaces(s, i)
			if p, n := highPunct(s[j:]); n > 0 {
				sp := nnbsp
				if p == ':' {
					sp = nbsp
				}
				put(i, sp+s[j:j+n], j+n)
				i = j + n
				continue
			}
			if c == ' ' && i > 0 && isDigit(s[i-1]) && j == i+1 && groupOfThree(s[i+1:]) {
				put(i, nnbsp, i+1)
			}
			i = j
		case strings.HasPrefix(s[i:], "«"):
			i += len("«")
			if j := skipSpaces(s, i); j > i {
				put(i, nnbsp, j)
				i = j
			}
		default:
			i++
		}
	}
	if b.Len() == 0 && done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// skipSpaces returns the index after the run of plain, no-break and narrow
// no-break spaces at s[i:].
func skipSpaces(s string, i int) int { return len(s) - len(strings.TrimLeft(s[i:], " "+nbsp+nnbsp)) }

// highPunct reports the punctuation that takes a space before it at the
// start of s, and its length in bytes (0 if none).
func highPunct(s string) (byte, int) {
	switch {
	case s != "" && strings.IndexByte(";:!?", s[0]) >= 0:
		return s[0], 1
	case strings.HasPrefix(s, "»"):
		return 0, len("»")
	}
	return 0, 0
}

// groupOfThree reports whether s starts with three digits that end a
// word: what follows is not a letter, a digit or an underscore.
func groupOfThree(s string) bool {
	if len(s) < 3 || !isDigit(s[0]) || !isDigit(s[1]) || !isDigit(s[2]) {
		return false
	}
	return len(s) == 3 || !(isDigit(s[3]) || s[3] == '_' || 'a' <= s[3] && s[3] <= 'z' || 'A' <= s[3] && s[3] <= 'Z')
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// frenchSpacing rewrites one text node, including the case where the
// space ends the previous text node and the punctuation starts this one.
func frenchSpacing(t *ast.Text, src []byte) {
	if t.IsRaw() {
		return
	}
	v := string(t.Segment.Value(src))
	if prev, ok := t.PreviousSibling().(*ast.Text); ok && len(v) > 0 && !prev.SoftLineBreak() {
		pv := prev.Segment.Value(src)
		if _, n := highPunct(v); n > 0 && len(pv) > 0 && pv[len(pv)-1] == ' ' {
			prev.Segment = text.NewSegment(prev.Segment.Start, prev.Segment.Stop-1)
			v = " " + v
		}
	}
	out := French(v)
	if out == v {
		return
	}
	s := ast.NewString([]byte(out))
	parent := t.Parent()
	parent.ReplaceChild(parent, t, s)
	if t.SoftLineBreak() || t.HardLineBreak() {
		// Keep the line break the text node carried.
		br := ast.NewTextSegment(text.NewSegment(t.Segment.Stop, t.Segment.Stop))
		br.SetSoftLineBreak(t.SoftLineBreak())
		br.SetHardLineBreak(t.HardLineBreak())
		parent.InsertAfter(parent, s, br)
	}
}

// hasDigitSpace reports whether a digit is followed by a space, the only
// place groupOfThree is asked about.
func hasDigitSpace(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if isDigit(s[i]) && s[i+1] == ' ' {
			return true
		}
	}
	return false
}
