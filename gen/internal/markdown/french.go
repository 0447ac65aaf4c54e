package markdown

import (
	"regexp"
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

var (
	spaceBefore = regexp.MustCompile(`[ \x{00a0}\x{202f}]+([;!?»:])`)
	spaceAfter  = regexp.MustCompile(`(«)[ \x{00a0}\x{202f}]+`)
	digitGroups = regexp.MustCompile(`(\d) (\d{3})\b`)
)

// French applies the French spacing rules to a plain string, such as a
// title or a summary, and turns the typewriter apostrophe into ’.
func French(s string) string {
	if !strings.ContainsAny(s, ";:!?«»'") && !hasDigitSpace(s) {
		return s // nothing to set: most text nodes
	}
	s = spaceBefore.ReplaceAllStringFunc(s, func(m string) string {
		p := m[len(m)-1:]
		if p == ":" {
			return nbsp + p
		}
		if m[len(m)-2:] == "»" { // » is two bytes
			return nnbsp + "»"
		}
		return nnbsp + p
	})
	s = spaceAfter.ReplaceAllString(s, "«"+nnbsp)
	s = strings.ReplaceAll(s, "'", "’")
	for digitGroups.MatchString(s) {
		s = digitGroups.ReplaceAllString(s, "$1"+nnbsp+"$2")
	}
	return s
}

// frenchSpacing rewrites one text node, including the case where the
// space ends the previous text node and the punctuation starts this one.
func frenchSpacing(t *ast.Text, src []byte) {
	if t.IsRaw() {
		return
	}
	v := string(t.Segment.Value(src))
	if prev, ok := t.PreviousSibling().(*ast.Text); ok && len(v) > 0 && !prev.SoftLineBreak() {
		pv := prev.Segment.Value(src)
		if n := len(pv); n > 0 && pv[n-1] == ' ' && startsWithHighPunct(v) {
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

func startsWithHighPunct(v string) bool {
	switch v[0] {
	case ';', ':', '!', '?':
		return true
	}
	return len(v) >= 2 && v[:2] == "»"
}

// hasDigitSpace reports whether a digit is followed by a space, the only
// place digitGroups can match.
func hasDigitSpace(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' && s[i+1] == ' ' {
			return true
		}
	}
	return false
}
