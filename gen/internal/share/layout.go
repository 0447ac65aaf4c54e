package share

import (
	"image"
	"slices"
	"strings"
	"unicode/utf8"
)

// The card's grid, in pixels.
const (
	padX, padY = 80, 64 // margins; nothing but the band is drawn in them
	bandHeight = 12     // the accent band along the top edge

	siteSize   = 30
	kickerSize = 30
	factsSize  = 28
	amountSize = 52

	titleMax, titleMin, titleStep = 64, 40, 4 // title sizes tried, largest first
	titleLines                    = 4
	factsLines                    = 2

	headerGap = 44 // below the site's name
	kickerGap = 14 // between the kicker and the title
	footerGap = 36 // between the title and the facts
	amountGap = 40 // between the facts and the amount
)

const (
	factsSep = " · " // between the facts
	ellipsis = "…"   // ends a line that was cut
)

// content returns the box inside the margins.
func content() image.Rectangle { return image.Rect(padX, padY, Width-padX, Height-padY) }

// line is one line of text placed on the card.
type line struct {
	text        string
	font        fontID
	size        int
	ink         ink
	x, baseline int // the pen's start
	// box spans the line's advance width and ink, and the font's ascent
	// and descent: the line is drawn inside it.
	box image.Rectangle
}

// layout is where everything on a card goes.
type layout struct {
	site, kicker, title, facts, amount []line

	titleCut bool // whether the title was cut and ends with "…"
}

// lines returns every line of the layout.
func (l *layout) lines() []line { return slices.Concat(l.site, l.kicker, l.title, l.facts, l.amount) }

// layout places the card c: the site's name at the top, the facts and the
// amount at the bottom, and the kicker and the title in the middle of the
// room left between them.
func (p *Painter) layout(c Card) layout {
	var l layout
	box := content()
	top, bottom := box.Min.Y, box.Max.Y

	if ls, _, _ := p.wrap(bold, siteSize, words(c.Site), " ", box.Dx(), 1); len(ls) > 0 {
		l.site = p.place(ls, bold, siteSize, inkText, top, 0)
		top = l.site[0].box.Max.Y + headerGap
	}

	// The facts and the amount share a baseline at the bottom; the facts
	// take the width that the amount leaves.
	baseline := bottom - max(p.descent(regular, factsSize), p.descent(bold, amountSize))
	factsWidth := box.Dx()
	if ls, _, _ := p.wrap(bold, amountSize, words(c.Amount), " ", box.Dx()/2, 1); len(ls) > 0 {
		a := p.place(ls, bold, amountSize, inkAmount, baseline-p.ascent(bold, amountSize), 0)[0]
		shift := box.Max.X - a.box.Max.X // align right
		a.x, a.box = a.x+shift, a.box.Add(image.Pt(shift, 0))
		l.amount = []line{a}
		factsWidth -= a.box.Dx() + amountGap
	}
	var facts []string
	for _, f := range c.Facts {
		if f = strings.Join(words(f), " "); f != "" {
			facts = append(facts, f)
		}
	}
	if ls, _, _ := p.wrap(regular, factsSize, facts, factsSep, factsWidth, factsLines); len(ls) > 0 {
		lh := factsSize * 13 / 10
		l.facts = p.place(ls, regular, factsSize, inkMuted, baseline-(len(ls)-1)*lh-p.ascent(regular, factsSize), lh)
	}
	for _, ln := range slices.Concat(l.facts, l.amount) {
		bottom = min(bottom, ln.box.Min.Y-footerGap)
	}

	if ls, _, _ := p.wrap(regular, kickerSize, words(c.Kicker), " ", box.Dx(), 1); len(ls) > 0 {
		l.kicker = p.place(ls, regular, kickerSize, inkMuted, top, 0)
		top = l.kicker[0].box.Max.Y + kickerGap
	}

	// The title takes the largest size at which it fits whole without a
	// broken word, else the largest at which it fits whole, else the
	// smallest, cut.
	type try struct {
		lines      []line
		cut, broke bool
	}
	var tries []try
	title := words(c.Title)
	for size := titleMax; size >= titleMin; size -= titleStep {
		lh := size * 23 / 20 // the distance between baselines
		n := 0
		if room := bottom - top - p.ascent(bold, size) - p.descent(bold, size); room >= 0 {
			n = min(titleLines, 1+room/lh)
		}
		ls, cut, broke := p.wrap(bold, size, title, " ", box.Dx(), n)
		tries = append(tries, try{p.place(ls, bold, size, inkText, top, lh), cut, broke})
		if !cut && !broke {
			break
		}
	}
	t := tries[len(tries)-1]
	if i := slices.IndexFunc(tries, func(t try) bool { return !t.cut }); i >= 0 && t.broke {
		t = tries[i]
	}
	l.title, l.titleCut = t.lines, t.cut

	// The kicker and the title stand in the middle of the room they have.
	if n := len(l.title); n > 0 {
		down := (bottom - l.title[n-1].box.Max.Y) / 2
		for _, part := range [][]line{l.kicker, l.title} {
			for i := range part {
				part[i].baseline += down
				part[i].box = part[i].box.Add(image.Pt(0, down))
			}
		}
	}
	return l
}

// place lays out lines of text in font f at size px, left-aligned, the
// first one's box starting at top and each next one lh lower. A line whose
// first glyph reaches left of the pen, like "j", moves right by as much.
func (p *Painter) place(texts []string, f fontID, size int, in ink, top, lh int) []line {
	asc, desc := p.ascent(f, size), p.descent(f, size)
	ls := make([]line, len(texts))
	for i, t := range texts {
		b := top + asc + i*lh
		_, left, right := p.extend(measure{}, f, size, t)
		ls[i] = line{
			text: t, font: f, size: size, ink: in,
			x: padX - left, baseline: b,
			box: image.Rect(padX, b-asc, padX+right-left, b+desc),
		}
	}
	return ls
}

// ascent and descent return the room, in whole pixels, that font f at size
// px needs above and below the baseline, accents included.
func (p *Painter) ascent(f fontID, size int) int  { return p.pixels(f, size, p.fonts[f].ascent) }
func (p *Painter) descent(f fontID, size int) int { return p.pixels(f, size, p.fonts[f].descent) }

// words splits s at spaces, tabs and newlines; no-break spaces stay inside
// words.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
}

// wrap lays the words, joined by sep, into at most n lines no wider than
// width pixels in font f at size px. A word too long for a line is broken
// at a space or else after a dash, and as a last resort between two runes.
// cut reports whether words were left out, the last line then ending with
// "…"; broken whether a word was broken.
func (p *Painter) wrap(f fontID, size int, ws []string, sep string, width, n int) (lines []string, cut, broken bool) {
	ws = slices.Clone(ws)
	cur, i := "", 0
	var m measure // cur's, extended as it grows: each line is measured once
	for i < len(ws) && len(lines) < n {
		next := ws[i]
		if cur != "" {
			next = sep + ws[i]
		}
		if mw, left, right := p.extend(m, f, size, next); right-left <= width {
			cur, m = cur+next, mw
			i++
		} else if cur != "" {
			lines = append(lines, cur)
			cur, m = "", measure{}
		} else {
			head, tail := p.split(f, size, ws[i], width)
			lines = append(lines, head)
			ws[i] = tail
			broken = true
		}
	}
	if cur != "" {
		// The loop stops with a line under way only when every word is in.
		lines = append(lines, cur)
	}
	if i == len(ws) {
		return lines, false, broken
	}
	if n > 0 {
		lines[n-1] = p.ellipsize(f, size, lines[n-1], width)
	}
	return lines, true, broken
}

// split breaks the word w, too long for a line width pixels wide, into the
// longest head that fits, ending at a space, else after a dash, else
// anywhere; the head has at least one rune.
func (p *Painter) split(f fontID, size int, w string, width int) (head, tail string) {
	var m measure
	atSpace, afterDash, anywhere := 0, 0, 0
	for j, r := range w {
		if r == ' ' && j > 0 {
			atSpace = j
		}
		m.add(p.advance(f, r), size)
		if left, right := m.span(p.fonts[f].upem); right-left > width {
			break
		}
		// The bytes that r was decoded from: an invalid byte decodes as
		// U+FFFD, three bytes long.
		_, n := utf8.DecodeRuneInString(w[j:])
		anywhere = j + n
		if strings.ContainsRune("-\u2010\u2013\u2014", r) { // a hyphen or a dash
			afterDash = anywhere
		}
	}
	cut := anywhere
	switch {
	case atSpace > 0:
		cut = atSpace
	case afterDash > 0:
		cut = afterDash
	case cut == 0:
		_, cut = utf8.DecodeRuneInString(w)
	}
	return strings.TrimRight(w[:cut], " "), strings.TrimLeft(w[cut:], " ")
}

// ellipsize ends s with "…", dropping words, or runes of a lone word, until
// it fits in width pixels.
func (p *Painter) ellipsize(f fontID, size int, s string, width int) string {
	trim := func(s string) string { return strings.TrimRight(s, " ·,;:-–—") }
	fits := func(s string) bool {
		_, left, right := p.extend(measure{}, f, size, s)
		return right-left <= width
	}
	s = trim(s)
	for s != "" && !fits(s+ellipsis) {
		if k := strings.LastIndexByte(s, ' '); k > 0 {
			s = trim(s[:k])
		} else {
			_, k := utf8.DecodeLastRuneInString(s)
			s = trim(s[:len(s)-k])
		}
	}
	return s + ellipsis
}
