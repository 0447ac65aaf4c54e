package share

import (
	"image"
	"image/color"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
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

// advanceKey names the advance of a rune in a font.
type advanceKey struct {
	font fontID
	r    rune
}

// advance is how a rune is drawn in a font.
type advance struct {
	// units is the advance width in font units.
	units int64
	// draw is the rune whose glyph is drawn, or -1 for none: spaces, and
	// runes the font lacks, which are left out rather than drawn as boxes.
	draw rune
}

// glyphKey names a rasterized glyph.
type glyphKey struct {
	font fontID
	size int16
	sub  uint8 // the pen's offset in quarters of a pixel
	r    rune
}

// glyph is a rasterized glyph: an alpha mask placed at (dx, dy) from the
// pen's whole-pixel position on the baseline.
type glyph struct {
	dx, dy, w, h int
	alpha        []uint8
}

// faceKey names an opentype face, which rasterizes one font at one size.
type faceKey struct {
	font fontID
	size int
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
	none := advance{draw: -1}
	if unicode.In(r, unicode.Cc, unicode.Cf) {
		// Controls and invisible formatting (soft hyphens, zero-width
		// spaces, joiners) take no room.
		return none
	}
	fd := &p.fonts[f]
	x, err := fd.font.GlyphIndex(&p.buf, r)
	if err != nil || x == 0 {
		if unicode.Is(unicode.Zs, r) && r != ' ' {
			// The Go fonts lack U+202F and U+2009, common in French.
			a := p.resolve(f, ' ')
			return advance{units: a.units, draw: -1}
		}
		return none
	}
	adv, err := fd.font.GlyphAdvance(&p.buf, x, fixed.Int26_6(fd.upem<<6), font.HintingNone)
	if err != nil {
		return none
	}
	a := advance{units: int64(adv.Round()), draw: r}
	if unicode.Is(unicode.Zs, r) {
		a.draw = -1
	}
	return a
}

// units returns the advance width of s in font f, in font units.
func (p *Painter) units(f fontID, s string) int64 {
	var u int64
	for _, r := range s {
		u += p.advance(f, r).units
	}
	return u
}

// pixels converts a length in font units of font f at size px to whole
// pixels, rounding up.
func (p *Painter) pixels(f fontID, size int, units int64) int {
	upem := p.fonts[f].upem
	return int((units*int64(size) + upem - 1) / upem)
}

// glyph returns r rasterized in font f at size px, with the pen sub
// quarters of a pixel right of a whole pixel.
func (p *Painter) glyph(f fontID, size, sub int, r rune) *glyph {
	k := glyphKey{font: f, size: int16(size), sub: uint8(sub), r: r}
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
	g, _ = p.rasterize(f, size, sub, r)
	p.glyphs[k] = g
	return g
}

// rasterize draws r in font f at size px, with the pen sub quarters of a
// pixel right of a whole pixel. ok is false if the font lacks r, in which
// case the glyph is the font's .notdef box: callers must not draw it. It is
// called with p.mu held.
func (p *Painter) rasterize(f fontID, size, sub int, r rune) (g *glyph, ok bool) {
	fk := faceKey{f, size}
	face := p.faces[fk]
	if face == nil {
		var err error
		face, err = opentype.NewFace(p.fonts[f].font, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return &glyph{}, false
		}
		p.faces[fk] = face
	}
	dot := fixed.Point26_6{X: fixed.Int26_6(sub * 64 / subpixels)}
	dr, mask, mp, _, ok := face.Glyph(dot, r)
	a, isAlpha := mask.(*image.Alpha)
	if dr.Empty() || !isAlpha {
		return &glyph{}, ok
	}
	g = &glyph{dx: dr.Min.X, dy: dr.Min.Y, w: dr.Dx(), h: dr.Dy(), alpha: make([]uint8, 0, dr.Dx()*dr.Dy())}
	for y := range g.h {
		o := a.PixOffset(mp.X, mp.Y+y)
		g.alpha = append(g.alpha, a.Pix[o:o+g.w]...)
	}
	return g, ok
}

// drawText draws s in font f at size px and ink in, from the pen position
// (x, baseline).
func (p *Painter) drawText(img *image.Paletted, f fontID, size int, in ink, x, baseline int, s string) {
	upem := p.fonts[f].upem
	var pen int64 // in font units × px
	for _, r := range s {
		a := p.advance(f, r)
		if a.draw >= 0 {
			q := int((pen*subpixels + upem/2) / upem) // in quarters of a pixel
			g := p.glyph(f, size, q%subpixels, a.draw)
			p.blit(img, g, in, x+q/subpixels+g.dx, baseline+g.dy)
		}
		pen += a.units * int64(size)
	}
}

// blit draws the glyph g with its top left corner at (x, y). Where glyphs
// overlap, the stronger coverage wins.
func (p *Painter) blit(img *image.Paletted, g *glyph, in ink, x, y int) {
	lut := &p.inks.index[in]
	r := image.Rect(x, y, x+g.w, y+g.h).Intersect(img.Rect)
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
// with which the ink is drawn: the four inks and the background fill the
// sixteen colours that PNG stores in 4 bits a pixel.
func (in ink) levels() int {
	switch in {
	case inkText, inkAmount:
		return 5
	case inkMuted:
		return 4
	}
	return 1
}

// inkTable maps the coverage of each ink to the card's palette.
type inkTable struct {
	palette color.Palette
	// index maps an ink and a coverage to a palette index; 0 is the
	// background.
	index [numInks][256]uint8
	// strength is the coverage that each palette index stands for.
	strength [16]uint8
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
