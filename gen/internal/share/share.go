// Package share draws the share card of a page: the 1200×630 PNG that social
// networks and chat apps show when someone shares a link to the page (its
// og:image).
//
// A card shows, on the site's dark blue, the fields of a Card: the site's
// name, a kicker above the page's title in large bold type, and facts and an
// amount at the bottom. The title is drawn as large as fits, from 64 px down
// to 40 px, in at most four lines wrapped at spaces; a title too long even
// at 40 px is cut at a word and ends with "…". Nothing ever leaves the
// margins or overlaps.
//
// The output is deterministic: the same card gives the same bytes on every
// build and every host. The fonts are the Go fonts (golang.org/x/image, BSD
// licence), compiled into the program; no system font, clock or randomness
// is read. Layout is done in integer arithmetic, in font units; glyphs are
// rasterized by golang.org/x/image/vector, whose float32 arithmetic could
// round differently on a CPU that fuses multiplications and additions
// (arm64, say): TestPixels pins the pixels, so that such a host shows.
//
// The Go fonts cover French and English text, typographic quotes, dashes,
// "…", "€" and "£", and the no-break space U+00A0, but not the narrow
// no-break space U+202F nor the thin space U+2009: these are drawn as
// spaces. Any other rune the fonts lack is left out, never drawn as a box.
//
// A card is a PNG of 14 colours, 4 bits a pixel. Every glyph is rasterized
// once per font, size, quarter-pixel offset and ink, into pixels of the
// card, which are laid straight into the rows that the PNG compresses. The
// Painter writes the PNG's few chunks itself: image/png writes pixels of
// fewer than 8 bits through an interface call each, which alone takes seven
// times as long as this whole encoder. The rows are compressed by
// github.com/klauspost/compress at its fastest level: a card costs about
// 0.9 ms of CPU on a shared 2-core machine (see BenchmarkCard), three
// quarters of it compressing, for a file of about 21 kB. The compressor is
// pure Go, so its output is the same on every host, but another of its
// versions may compress differently: updating it may change the cards'
// bytes, and so their addresses, though not their pixels.
package share

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Width and Height are the size of a card in pixels, the size that Facebook,
// LinkedIn, X and most chat apps expect for a large link preview.
const Width, Height = 1200, 630

// Card is what a share card shows. Every field may be empty; text is drawn
// on one line each except Title (up to four lines) and Facts (up to two).
type Card struct {
	Site   string   // the site's name, small at the top left
	Kicker string   // above the title, for example "Amende · France"
	Title  string   // the page's title, large and bold, wrapped
	Facts  []string // at the bottom, separated by " · ", for example {"17 octobre 2022", "CNIL"}
	Amount string   // large in the accent colour at the bottom right, for example "20 000 000 €"
}

// Painter draws cards. It holds the parsed fonts and the glyphs it has
// rasterized so far, so one Painter should serve a whole build; it is safe
// for concurrent use.
type Painter struct {
	fonts  [numFonts]fontData
	index  [numInks][256]uint8 // the palette's colour of each ink at each coverage
	header []byte              // the start of every card's PNG: the image's size and the palette

	// canvases recycles the canvases of finished cards: their pixels
	// (380 kB), their compressor and its output.
	canvases sync.Pool

	mu       sync.RWMutex // guards the fields below
	advances map[advanceKey]advance
	glyphs   map[glyphKey]*glyph
	buf      sfnt.Buffer
	rast     vector.Rasterizer
}

// fontData is one parsed font and its size-independent metrics.
type fontData struct {
	font *sfnt.Font
	// upem is the number of font units in an em; ascent and descent are in
	// font units, descent positive below the baseline.
	upem, ascent, descent int64
	subst                 map[rune]sfnt.GlyphIndex // the glyphs drawn for runes instead of the font's own
}

// NewPainter parses the fonts and returns a Painter ready to draw.
func NewPainter() (*Painter, error) {
	pal, index := palette()
	p := &Painter{
		index:    index,
		header:   pngHeader(pal),
		canvases: sync.Pool{New: func() any { return newCanvas() }},
		advances: make(map[advanceKey]advance),
		glyphs:   make(map[glyphKey]*glyph),
	}
	for id, ttf := range [numFonts][]byte{regular: goregular.TTF, bold: gobold.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("share: parsing the Go fonts: %v", err)
		}
		upem := int64(f.UnitsPerEm())
		// At ppem = upem, pixels are font units: the metrics of every size
		// follow by proportion, in integers.
		m, err := f.Metrics(&p.buf, fixed.Int26_6(upem<<6), font.HintingNone)
		if err != nil {
			return nil, fmt.Errorf("share: reading the Go fonts' metrics: %v", err)
		}
		p.fonts[id] = fontData{
			font: f, upem: upem, ascent: int64(m.Ascent.Ceil()), descent: int64(m.Descent.Ceil()),
			subst: substitutes(f, &p.buf),
		}
	}
	return p, nil
}

// substitutes returns the glyphs of the Go font f that read better on a
// card than the font's own for some runes: the Go fonts, made for code,
// slash their zeros and set the middle dot at the height of an x, but they
// hold an open zero and a bullet operator centred on the lowercase.
func substitutes(f *sfnt.Font, b *sfnt.Buffer) map[rune]sfnt.GlyphIndex {
	subst := make(map[rune]sfnt.GlyphIndex)
	for x := range f.NumGlyphs() {
		if name, _ := f.GlyphName(b, sfnt.GlyphIndex(x)); name == "zero.empty" {
			subst['0'] = sfnt.GlyphIndex(x)
		}
	}
	if x, err := f.GlyphIndex(b, '\u2219'); err == nil && x != 0 {
		subst['·'] = x
	}
	return subst
}

// PNG draws the card c and returns it encoded as PNG.
func (p *Painter) PNG(c Card) ([]byte, error) {
	cv := p.canvases.Get().(*canvas)
	defer p.canvases.Put(cv)
	clear(cv.px)
	p.draw(cv.px, p.layout(c))
	b, err := cv.encode(p.header)
	if err != nil {
		return nil, fmt.Errorf("share: encoding the card: %v", err)
	}
	return b, nil
}
