package share

import (
	"image"
	"image/color"
	"image/draw"
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
// drawn: eight are enough for smooth edges, and more make the files larger.
//
// Fewer than 16 colours in all would let image/png write 4 bits a pixel,
// but it then packs the pixels one at a time through an interface, which
// makes a card twice as slow to encode as with a byte a pixel; and a
// hand-written encoder of 4-bit pixels saves little, as deflate dominates.
const textLevels = 8

// advanceKey names the advance of a rune in a font.
type advanceKey struct {
	font fontID
	r    rune
}

// advance is how a rune is drawn in a font.
type advance struct {
	// units is the advance width in font units.
	units int64
	// left and right bound the glyph's ink, in font units from the pen.
	left, right int64
	// glyph is the glyph drawn, or 0 for none: spaces, and runes the font
	// lacks, which are left out rather than drawn as the .notdef box.
	glyph sfnt.GlyphIndex
}

// glyphKey names a rasterized glyph.
type glyphKey struct {
	font  fontID
	size  int16
	sub   uint8 // the pen's offset in quarters of a pixel
	glyph sfnt.GlyphIndex
}

// glyph is a rasterized glyph: an alpha mask placed at (dx, dy) from the
// pen's whole-pixel position on the baseline.
type glyph struct {
	dx, dy, w, h int
	alpha        []uint8
}

// advance returns how r is drawn in font f.
func (p *Painter) advance(f fontID, r rune) advance {
	k := advanceKey{f, r}
	p.mu.RLock()
	a, ok := p.advances[k]
	p.mu.RUnlock()
	if ok {
		return a
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	a = p.resolve(f, r)
	p.advances[k] = a
	return a
}

// resolve finds how r is drawn in font f. It is called with p.mu held.
func (p *Painter) resolve(f fontID, r rune) advance {
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
			return p.resolve(f, ' ')
		case r == '\u2010' || r == '\u2011':
			return p.resolve(f, '-')
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

// span returns the horizontal extent of s drawn in font f at size px, in
// pixels from the pen's start: from the leftmost of the pen and the ink to
// the rightmost. Ink that passes the pen's start or end counts one pixel
// more, for the rounding of glyph positions.
func (p *Painter) span(f fontID, size int, s string) (left, right int) {
	var m measure
	for _, r := range s {
		m.add(p.advance(f, r), size)
	}
	return m.span(p.fonts[f].upem)
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

// span returns the extent, in pixels, of the glyphs added; see
// Painter.span.
func (m *measure) span(upem int64) (left, right int) {
	right = int(ceilDiv(m.pen, upem))
	if m.lo < 0 {
		left = int(floorDiv(m.lo, upem)) - 1
	}
	if m.hi > m.pen {
		right = max(right, int(ceilDiv(m.hi, upem))+1)
	}
	return left, right
}

// ceilDiv and floorDiv return a/b rounded up and down, for b > 0.
func ceilDiv(a, b int64) int64 { return -floorDiv(-a, b) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// pixels converts a length in font units of font f at size px to whole
// pixels, rounding up.
func (p *Painter) pixels(f fontID, size int, units int64) int {
	return int(ceilDiv(units*int64(size), p.fonts[f].upem))
}

// glyph returns the glyph x of font f rasterized at size px, with the pen
// sub quarters of a pixel right of a whole pixel.
func (p *Painter) glyph(f fontID, size, sub int, x sfnt.GlyphIndex) *glyph {
	k := glyphKey{font: f, size: int16(size), sub: uint8(sub), glyph: x}
	p.mu.RLock()
	g, ok := p.glyphs[k]
	p.mu.RUnlock()
	if ok {
		return g
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if g, ok := p.glyphs[k]; ok {
		return g
	}
	g = p.rasterize(f, size, sub, x)
	p.glyphs[k] = g
	return g
}

// rasterize draws the glyph x of font f at size px, with the pen sub
// quarters of a pixel right of a whole pixel, as opentype.Face.Glyph does;
// but it takes a glyph index, not a rune, so that the Painter chooses the
// glyph. It is called with p.mu held.
func (p *Painter) rasterize(f fontID, size, sub int, x sfnt.GlyphIndex) *glyph {
	segs, err := p.fonts[f].font.LoadGlyph(&p.buf, x, fixed.I(size), nil)
	if err != nil {
		return &glyph{}
	}
	dot := fixed.Int26_6(sub * 64 / subpixels)
	b := segs.Bounds()
	dr := image.Rect((b.Min.X + dot).Floor(), b.Min.Y.Floor(), (b.Max.X + dot).Ceil(), b.Max.Y.Ceil())
	if dr.Empty() {
		return &glyph{}
	}
	// Move the outline so that dr's top left corner is the rasterizer's.
	bias := fixed.Point26_6{X: dot - fixed.I(dr.Min.X), Y: -fixed.I(dr.Min.Y)}
	pt := func(q fixed.Point26_6) (float32, float32) {
		return float32(q.X+bias.X) / 64, float32(q.Y+bias.Y) / 64
	}
	z := &p.rast
	z.Reset(dr.Dx(), dr.Dy())
	z.DrawOp = draw.Src
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			z.MoveTo(pt(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			z.LineTo(pt(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			z.QuadTo(bx, by, cx, cy)
		case sfnt.SegmentOpCubeTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			dx, dy := pt(s.Args[2])
			z.CubeTo(bx, by, cx, cy, dx, dy)
		}
	}
	mask := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return &glyph{dx: dr.Min.X, dy: dr.Min.Y, w: dr.Dx(), h: dr.Dy(), alpha: mask.Pix}
}

// drawText draws s in font f at size px and ink in, from the pen position
// (x, baseline), and no higher or lower than the rows of clip.
func (p *Painter) drawText(img *image.Paletted, f fontID, size int, in ink, x, baseline int, s string, clip image.Rectangle) {
	upem := p.fonts[f].upem
	var pen int64 // in font units × px
	for _, r := range s {
		a := p.advance(f, r)
		if a.glyph != 0 {
			q := int((pen*subpixels + upem/2) / upem) // in quarters of a pixel
			g := p.glyph(f, size, q%subpixels, a.glyph)
			p.blit(img, g, in, x+q/subpixels+g.dx, baseline+g.dy, clip)
		}
		pen += a.units * int64(size)
	}
}

// blit draws the glyph g with its top left corner at (x, y), and no higher
// or lower than the rows of clip. Where glyphs overlap, the stronger
// coverage wins.
func (p *Painter) blit(img *image.Paletted, g *glyph, in ink, x, y int, clip image.Rectangle) {
	lut := &p.inks.index[in]
	clip.Min.X, clip.Max.X = img.Rect.Min.X, img.Rect.Max.X
	r := image.Rect(x, y, x+g.w, y+g.h).Intersect(img.Rect).Intersect(clip)
	for py := r.Min.Y; py < r.Max.Y; py++ {
		src := g.alpha[(py-y)*g.w+(r.Min.X-x) : (py-y)*g.w+(r.Max.X-x)]
		dst := img.Pix[img.PixOffset(r.Min.X, py):]
		for i, a := range src {
			if a == 0 {
				continue
			}
			if c := lut[a]; p.inks.strength[c] > p.inks.strength[dst[i]] {
				dst[i] = c
			}
		}
	}
}

// fill paints the rectangle r in the solid colour of ink in.
func (p *Painter) fill(img *image.Paletted, r image.Rectangle, in ink) {
	c := p.inks.index[in][255]
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		o := img.PixOffset(r.Min.X, y)
		row := img.Pix[o : o+r.Dx()]
		for i := range row {
			row[i] = c
		}
	}
}

// ink is a colour of text or decoration on the card.
type ink uint8

const (
	inkText   ink = iota // the site's name and the title
	inkMuted             // the kicker and the facts
	inkAmount            // the amount
	inkBand              // the accent band, which is solid
	numInks
)

// The card's colours, from the site's palette (see static/favicon.svg). The
// amount is drawn in the site's dark-theme accent rather than the favicon's
// red, which reads at only 3:1 on the background; every text colour has a
// contrast of at least 4.5:1 with the background.
const (
	rgbBackground = 0x1d3557
	rgbText       = 0xf1faee
	rgbMuted      = 0xa8c0d6
	rgbAmount     = 0xff8a80
	rgbBand       = 0xe63946
)

// rgb returns the colour of the ink at full coverage.
func (in ink) rgb() uint32 {
	switch in {
	case inkText:
		return rgbText
	case inkMuted:
		return rgbMuted
	case inkAmount:
		return rgbAmount
	}
	return rgbBand
}

// levels returns the number of coverage levels, anti-aliasing included,
// with which the ink is drawn.
func (in ink) levels() int {
	if in == inkBand {
		return 1
	}
	return textLevels
}

// inkTable maps the coverage of each ink to the card's palette.
type inkTable struct {
	palette color.Palette
	// index maps an ink and a coverage to a palette index; 0 is the
	// background.
	index [numInks][256]uint8
	// strength is the coverage that each palette index stands for.
	strength [256]uint8
}

// newInkTable builds the card's palette: the background, then each ink
// blended over the background at each of its levels.
func newInkTable() inkTable {
	t := inkTable{palette: color.Palette{opaque(rgbBackground)}}
	for in := range numInks {
		n := in.levels()
		first := len(t.palette)
		for k := 1; k <= n; k++ {
			t.palette = append(t.palette, blend(rgbBackground, in.rgb(), k, n))
			t.strength[len(t.palette)-1] = uint8(255 * k / n)
		}
		for a := range 256 {
			// Round the coverage to the nearest level.
			if k := (a*n + 127) / 255; k > 0 {
				t.index[in][a] = uint8(first + k - 1)
			}
		}
	}
	return t
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
