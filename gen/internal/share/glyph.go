package share

import (
	"image"
	"image/color"
	"image/draw"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontID names one of the Painter's fonts.
type fontID uint8

const (
	regular fontID = iota
	bold
	numFonts
)

// subpixels is the number of horizontal positions, within a pixel, at which
// glyphs are rasterized: a quarter of a pixel keeps letter spacing even at
// small sizes.
const subpixels = 4

// textLevels is the number of levels of coverage with which text is
// drawn. Four keep the edges smooth at the card's sizes (28 px and more),
// and the palette within 16 colours: a pixel takes 4 bits, which halves
// the bytes to compress.
const textLevels = 4

// paletteSize is the number of colours of a card: the background, each
// level of each ink, and the band, whose index is the last.
const (
	paletteSize = 2 + int(numInks)*textLevels
	bandIndex   = paletteSize - 1
)

// advanceKey names the advance of a rune in a font.
type advanceKey struct {
	font fontID
	r    rune
}

// advance is how a rune is drawn in a font.
type advance struct {
	units       int64 // the advance width, in font units
	left, right int64 // the bounds of the glyph's ink, in font units from the pen
	// glyph is the glyph drawn, or 0 for none: spaces, and runes the font
	// lacks, which are left out rather than drawn as the .notdef box.
	glyph sfnt.GlyphIndex
}

// glyphKey names a glyph drawn in an ink.
type glyphKey struct {
	font  fontID
	size  int16
	sub   uint8 // the pen's offset right of a whole pixel, in quarters of a pixel
	ink   ink
	glyph sfnt.GlyphIndex
}

// glyph is a glyph drawn in one ink, its top left pixel at (dx, dy) from
// the pen's whole-pixel position on the baseline: sprites holds it with
// its left edge at an even x and at an odd x.
type glyph struct {
	dx, dy  int
	sprites [2]sprite
}

// sprite is a glyph's pixels as the card's are stored: h rows of w bytes,
// two pixels a byte, ready to be laid over the bytes of the card's rows.
// For an even x, the glyph's left column is in the high nibble of each
// row's first byte, for an odd x in the low one.
type sprite struct {
	w, h int
	pix  []byte
}

// advance returns how r is drawn in font f.
func (p *Painter) advance(f fontID, r rune) advance {
	return cached(&p.mu, p.advances, advanceKey{f, r}, p.resolve)
}

// cached returns m[k], made by find(k) under the write lock of mu, which
// guards m, the first time k is asked for: the cards drawn at once share
// what each finds.
func cached[K comparable, V any](mu *sync.RWMutex, m map[K]V, k K, find func(K) V) V {
	mu.RLock()
	v, ok := m[k]
	mu.RUnlock()
	if ok {
		return v
	}
	mu.Lock()
	defer mu.Unlock()
	if v, ok := m[k]; ok {
		return v
	}
	v = find(k)
	m[k] = v
	return v
}

// resolve finds how k.r is drawn in font k.font, with p.mu held.
func (p *Painter) resolve(k advanceKey) advance {
	f, r := k.font, k.r
	if unicode.In(r, unicode.Cc, unicode.Cf) {
		// Controls and invisible formatting (soft hyphens, zero-width
		// spaces, joiners) take no room.
		return advance{}
	}
	fd := &p.fonts[f]
	x, ok := fd.subst[r]
	if !ok {
		var err error
		if x, err = fd.font.GlyphIndex(&p.buf, r); err != nil {
			x = 0
		}
	}
	if x == 0 {
		// The Go fonts lack U+202F and U+2009, common in French, and the
		// Unicode hyphens.
		switch {
		case unicode.Is(unicode.Zs, r) && r != ' ':
			return p.resolve(advanceKey{f, ' '})
		case r == '\u2010' || r == '\u2011':
			return p.resolve(advanceKey{f, '-'})
		}
		return advance{}
	}
	// At ppem = upem, pixels are font units.
	b, adv, err := fd.font.GlyphBounds(&p.buf, x, fixed.Int26_6(fd.upem<<6), font.HintingNone)
	if err != nil {
		return advance{}
	}
	if unicode.Is(unicode.Zs, r) {
		return advance{units: int64(adv.Round())}
	}
	return advance{units: int64(adv.Round()), left: int64(b.Min.X.Floor()), right: int64(b.Max.X.Ceil()), glyph: x}
}

// extend returns m extended by s drawn in font f at size px, and the
// horizontal extent of all that m measures, in pixels from the pen's
// start: from the leftmost of the pen and the ink to the rightmost. Ink
// that passes the pen's start or end counts one pixel more, for the
// rounding of glyph positions.
func (p *Painter) extend(m measure, f fontID, size int, s string) (_ measure, left, right int) {
	for _, r := range s {
		m.add(p.advance(f, r), size)
	}
	left, right = m.span(p.fonts[f].upem)
	return m, left, right
}

// measure adds up the extent of a line, rune by rune, in font units × px.
type measure struct{ pen, lo, hi int64 }

// add adds the glyph of a drawn at size px.
func (m *measure) add(a advance, size int) {
	if a.glyph != 0 {
		m.lo = min(m.lo, m.pen+a.left*int64(size))
		m.hi = max(m.hi, m.pen+a.right*int64(size))
	}
	m.pen += a.units * int64(size)
}

// span returns the extent, in pixels, of the glyphs added (see extend).
func (m *measure) span(upem int64) (left, right int) {
	right = int(ceilDiv(m.pen, upem))
	if m.lo < 0 {
		left = -int(ceilDiv(-m.lo, upem)) - 1
	}
	if m.hi > m.pen {
		right = max(right, int(ceilDiv(m.hi, upem))+1)
	}
	return left, right
}

// ceilDiv returns a/b rounded up, for a ≥ 0 and b > 0: lengths in font
// units (advances, ascents, descents) are never negative.
func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }

// pixels converts units of font f at size px to whole pixels, rounding up.
func (p *Painter) pixels(f fontID, size int, units int64) int {
	return int(ceilDiv(units*int64(size), p.fonts[f].upem))
}

// newGlyph rasterizes the glyph that k names and turns it into pixels of
// the card. It is called with p.mu held.
func (p *Painter) newGlyph(k glyphKey) *glyph {
	at, mask := p.rasterize(k.font, int(k.size), int(k.sub), k.glyph)
	g := &glyph{dx: at.X, dy: at.Y}
	lut := &p.index[k.ink]
	w, h := mask.Rect.Dx(), mask.Rect.Dy()
	for odd := range g.sprites {
		s := &g.sprites[odd]
		s.w, s.h = (w+1+odd)/2, h
		s.pix = make([]byte, s.w*h)
		for y := range h {
			row := s.pix[y*s.w:]
			for x, a := range mask.Pix[y*w : (y+1)*w] {
				row[(x+odd)/2] |= lut[a] << nibbleShift(x+odd)
			}
		}
	}
	return g
}

// rasterize draws the glyph x of font f at size px, with the pen sub
// quarters of a pixel right of a whole pixel, as opentype.Face.Glyph does,
// and returns its alpha mask and where the mask's top left pixel lies from
// the pen's whole-pixel position on the baseline. Unlike opentype.Face, it
// takes a glyph index, not a rune, so that the Painter chooses the glyph.
// It is called with p.mu held.
func (p *Painter) rasterize(f fontID, size, sub int, x sfnt.GlyphIndex) (image.Point, *image.Alpha) {
	segs, err := p.fonts[f].font.LoadGlyph(&p.buf, x, fixed.I(size), nil)
	if err != nil {
		return image.Point{}, &image.Alpha{}
	}
	dot := fixed.Int26_6(sub * 64 / subpixels)
	b := segs.Bounds()
	dr := image.Rect((b.Min.X + dot).Floor(), b.Min.Y.Floor(), (b.Max.X + dot).Ceil(), b.Max.Y.Ceil())
	if dr.Empty() {
		return image.Point{}, &image.Alpha{}
	}
	// Move the outline so that dr's top left corner is the rasterizer's.
	bias := fixed.Point26_6{X: dot - fixed.I(dr.Min.X), Y: -fixed.I(dr.Min.Y)}
	z := &p.rast
	z.Reset(dr.Dx(), dr.Dy())
	z.DrawOp = draw.Src
	for _, s := range segs {
		var a [6]float32 // the segment's points, x then y, as the rasterizer takes them
		for i, q := range s.Args {
			a[2*i], a[2*i+1] = float32(q.X+bias.X)/64, float32(q.Y+bias.Y)/64
		}
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			z.MoveTo(a[0], a[1])
		case sfnt.SegmentOpLineTo:
			z.LineTo(a[0], a[1])
		case sfnt.SegmentOpQuadTo:
			z.QuadTo(a[0], a[1], a[2], a[3])
		case sfnt.SegmentOpCubeTo:
			z.CubeTo(a[0], a[1], a[2], a[3], a[4], a[5])
		}
	}
	mask := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return dr.Min, mask
}

// draw paints the layout l on px, which is blank.
func (p *Painter) draw(px pixels, l layout) {
	for y := range bandHeight {
		row := px.row(y)
		for i := range row {
			row[i] = byte(bandIndex<<4 | bandIndex)
		}
	}
	for _, ln := range l.lines() {
		upem := p.fonts[ln.font].upem
		var pen int64 // in font units × px
		for _, r := range ln.text {
			a := p.advance(ln.font, r)
			if a.glyph != 0 {
				q := int((pen*subpixels + upem/2) / upem) // in quarters of a pixel
				k := glyphKey{ln.font, int16(ln.size), uint8(q % subpixels), ln.ink, a.glyph}
				g := cached(&p.mu, p.glyphs, k, p.newGlyph)
				left := ln.x + q/subpixels + g.dx
				// The boxes hold the ink of every glyph of French and
				// English text; clipping keeps any taller glyph from
				// reaching other lines.
				blit(px, &g.sprites[left&1], left, ln.baseline+g.dy, ln.box)
			}
			pen += a.units * int64(ln.size)
		}
	}
}

// blit draws the sprite s with its top left pixel at (x, y), and no higher
// or lower than the rows of clip. Where glyphs overlap, the stronger
// coverage wins: as the palette goes by coverage, it is the greater palette
// index, compared nibble by nibble, where the card is not blank.
func blit(px pixels, s *sprite, x, y int, clip image.Rectangle) {
	b := x >> 1 // the byte of a row where s starts, rounding x down
	lo, hi := max(0, -b), min(s.w, Width/2-b)
	if lo >= hi {
		return
	}
	for py := max(y, clip.Min.Y, 0); py < min(y+s.h, clip.Max.Y, Height); py++ {
		src := s.pix[(py-y)*s.w+lo : (py-y)*s.w+hi]
		dst := px.row(py)[b+lo : b+hi]
		for i, c := range src {
			if d := dst[i]; d == 0 {
				dst[i] = c
			} else {
				dst[i] = max(d&0xf0, c&0xf0) | max(d&0x0f, c&0x0f)
			}
		}
	}
}

// ink is a colour of text on the card.
type ink uint8

const (
	inkText   ink = iota // the site's name and the title
	inkMuted             // the kicker and the facts
	inkAmount            // the amount
	numInks
)

// The card's colours, from the site's palette (see static/favicon.svg). The
// amount is drawn in the site's dark-theme accent rather than the favicon's
// red, which reads at only 3:1 on the background; every text colour has a
// contrast of at least 4.5:1 with the background.
const rgbBackground, rgbBand = 0x1d3557, 0xe63946

// inkRGB is the colour of each ink at full coverage.
var inkRGB = [numInks]uint32{inkText: 0xf1faee, inkMuted: 0xa8c0d6, inkAmount: 0xff8a80}

// palette returns the card's colours, pal, and index, which maps an ink
// and a coverage to a colour of pal. pal holds the background, then each
// ink blended over the background at each of its levels, then the band.
// The colours go by coverage, the inks' first levels first, so that of
// two indices the greater stands for the greater coverage.
func palette() (pal []color.RGBA, index [numInks][256]uint8) {
	pal = []color.RGBA{opaque(rgbBackground)}
	// at is the index of each ink at each level; at level 0, the
	// background.
	var at [numInks][textLevels + 1]uint8
	for k := 1; k <= textLevels; k++ {
		for in := range numInks {
			at[in][k] = uint8(len(pal))
			pal = append(pal, blend(rgbBackground, inkRGB[in], k, textLevels))
		}
	}
	pal = append(pal, opaque(rgbBand))
	for in := range numInks {
		for a := range 256 {
			// Round the coverage to the nearest level.
			index[in][a] = at[in][(a*textLevels+127)/255]
		}
	}
	return pal, index
}

// opaque returns the colour 0xRRGGBB.
func opaque(rgb uint32) color.RGBA {
	return color.RGBA{uint8(rgb >> 16), uint8(rgb >> 8), uint8(rgb), 0xff}
}

// blend returns the colour fg drawn over bg at a coverage of k/n, blended
// in sRGB like browsers do.
func blend(bg, fg uint32, k, n int) color.RGBA {
	b, f := opaque(bg), opaque(fg)
	mix := func(b, f uint8) uint8 { return uint8((int(b)*(n-k) + int(f)*k + n/2) / n) }
	return color.RGBA{mix(b.R, f.R), mix(b.G, f.G), mix(b.B, f.B), 0xff}
}
