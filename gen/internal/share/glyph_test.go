package share

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"slices"
	"testing"
)

// french holds the runes of French and English text beyond ASCII that the
// cards must draw.
const french = "éèêëàâäçôöûùüîïÿœæÉÈÊËÀÂÇÔÛÙÎÏŒÆ«»‘’“”—–…€£·°§№"

// spaces are the spaces that French text uses.
const spaces = " \u00a0\u202f\u2009"

func TestGlyphCoverage(t *testing.T) {
	// Every rune of French text has its own glyph in both fonts (or, for
	// spaces, the advance of a space), and no glyph drawn is the font's
	// .notdef box.
	p := newPainter(t)
	for _, f := range []fontID{regular, bold} {
		for _, size := range []int{factsSize, titleMin, titleMax} {
			notdefAt, notdef := p.rasterize(f, size, 0, 0)
			if len(notdef.Pix) == 0 {
				t.Fatalf("font %d: the .notdef glyph is empty", f)
			}
			for _, r := range french + "AZaz09" {
				x, err := p.fonts[f].font.GlyphIndex(&p.buf, r)
				if err != nil || x == 0 {
					t.Errorf("font %d has no glyph for %q (%U)", f, r, r)
					continue
				}
				a := p.advance(f, r)
				if a.glyph == 0 || a.glyph != x && a.glyph != p.fonts[f].subst[r] || a.units <= 0 {
					t.Errorf("font %d: %q (%U) drawn as %+v", f, r, r, a)
				}
				at, g := p.rasterize(f, size, 0, a.glyph)
				if len(g.Pix) == 0 || at == notdefAt && g.Rect == notdef.Rect && slices.Equal(g.Pix, notdef.Pix) {
					t.Errorf("font %d size %d: %q (%U) is drawn as .notdef or not at all", f, size, r, r)
				}
			}
		}
		// The Go fonts lack U+2010 and U+2011: they are drawn as "-".
		for _, r := range "\u2010\u2011" {
			if a, want := p.advance(f, r), p.advance(f, '-'); a != want {
				t.Errorf("font %d: hyphen %U drawn as %+v, want %+v", f, r, a, want)
			}
		}
		// The slashed zero and the high middle dot are replaced.
		for _, r := range "0·" {
			if x, ok := p.fonts[f].subst[r]; !ok || p.advance(f, r).glyph != x {
				t.Errorf("font %d: %q is not drawn with its substitute", f, r)
			}
		}
		space := p.advance(f, ' ')
		for _, r := range spaces {
			if a := p.advance(f, r); a.glyph != 0 || a.units != space.units {
				t.Errorf("font %d: space %U drawn as %+v, want %+v", f, r, a, space)
			}
		}
	}
}

func TestMissingRunesDrawNothing(t *testing.T) {
	// Runes that the fonts lack (CJK, private use, emoji) and invisible
	// ones are left out: the card is the same as without them.
	p := newPainter(t)
	want, err := p.PNG(Card{Kicker: "Amende · France", Title: "La CNIL et Clearview"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.PNG(Card{
		Kicker: "Amende\u200b · Fr\u00adance\U0001F600",
		Title:  "La CNIL\uE000 et 中Clear\u0007view",
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("missing or invisible runes changed the card")
	}
	for _, r := range "中\uE000\U0001F600\u200b\u00ad\u0007" {
		for _, f := range []fontID{regular, bold} {
			if a := p.advance(f, r); a != (advance{}) {
				t.Errorf("font %d: %U drawn as %+v", f, r, a)
			}
		}
	}
}

func TestContrast(t *testing.T) {
	// Text reads at WCAG AA on the background: 4.5:1 or more.
	bg := opaque(rgbBackground)
	for in := range numInks {
		if c := contrast(opaque(inkRGB[in]), bg); c < 4.5 {
			t.Errorf("ink %d (#%06x): contrast %.2f:1 with the background, want 4.5:1", in, inkRGB[in], c)
		}
	}
}

// contrast returns the WCAG contrast ratio of two colours.
func contrast(a, b color.RGBA) float64 {
	lum := func(c color.RGBA) float64 {
		ch := func(v uint8) float64 {
			s := float64(v) / 255
			if s <= 0.04045 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestPalette(t *testing.T) {
	pal, index := palette()
	if want := paletteSize; len(pal) != want {
		t.Fatalf("%d colours, want %d", len(pal), want)
	}
	for in := range numInks {
		if got, want := pal[index[in][255]], opaque(inkRGB[in]); got != want {
			t.Errorf("ink %d at full coverage is %v, want %v", in, got, want)
		}
		if index[in][0] != 0 {
			t.Errorf("ink %d at no coverage is not the background", in)
		}
	}
	if got, want := pal[bandIndex], opaque(rgbBand); got != want {
		t.Errorf("the band is %v, want %v", got, want)
	}
	// blit keeps the greater palette index where glyphs overlap: the
	// palette goes by coverage, whatever the inks.
	for a := range 256 {
		for b := a + 1; b < 256; b++ {
			for x := range numInks {
				for y := range numInks {
					if level(a) < level(b) && index[x][a] >= index[y][b] {
						t.Fatalf("ink %d at %d/255 is index %d, ink %d at %d/255 index %d", x, a, index[x][a], y, b, index[y][b])
					}
				}
			}
		}
	}
}

// level returns the level at which text of coverage a/255 is drawn.
func level(a int) int { return (a*textLevels + 127) / 255 }

func TestBlit(t *testing.T) {
	// A sprite of two pixels, index 1 then 3, laid at even and odd x,
	// in part or wholly outside the card, over pixels of index 2: only the
	// pixel of index 3 shows, where it is on the card and within the clip.
	even := &sprite{w: 1, h: 1, pix: []byte{0x13}}
	odd := &sprite{w: 2, h: 1, pix: []byte{0x01, 0x30}}
	all := image.Rect(0, 0, Width, Height)
	for _, tc := range []struct {
		s    *sprite
		x, y int
		clip image.Rectangle
		want map[image.Point]uint8 // the pixels that change
	}{
		{even, 10, 5, all, map[image.Point]uint8{{11, 5}: 3}},
		{odd, 11, 5, all, map[image.Point]uint8{{12, 5}: 3}},
		{odd, Width - 1, 5, all, nil},
		{odd, -1, 0, all, map[image.Point]uint8{{0, 0}: 3}},
		{even, Width - 2, Height - 1, all, map[image.Point]uint8{{Width - 1, Height - 1}: 3}},
		{even, 10, 5, image.Rect(0, 6, Width, Height), nil},
		{even, 10, Height, all, nil},
		{even, -2, 5, all, nil},
	} {
		px := make(pixels, Height*rowBytes)
		for y := range Height {
			for i := range px.row(y) {
				px.row(y)[i] = 0x22
			}
		}
		blit(px, tc.s, tc.x, tc.y, tc.clip)
		for y := range Height {
			if px[y*rowBytes] != 0 {
				t.Fatalf("x %d, y %d: row %d's filter type is %d", tc.x, tc.y, y, px[y*rowBytes])
			}
			for x := range Width {
				want, ok := tc.want[image.Pt(x, y)]
				if !ok {
					want = 2
				}
				if got := px.row(y)[x/2] >> nibbleShift(x) & 0xf; got != want {
					t.Errorf("x %d, y %d: pixel (%d, %d) is %d, want %d", tc.x, tc.y, x, y, got, want)
				}
			}
		}
	}
}
