// Package share draws the share card of a page: the 1200×630 PNG that social
// networks and chat apps show when someone shares a link to the page (its
// og:image).
//
// A card shows, on the site's dark blue, the site's name at the top left, an
// optional kicker (for example "Amende · France") above the page's title in
// large bold type, and optional facts at the bottom, separated by " · ", with
// an optional amount drawn large in the accent colour at the bottom right.
// The title is drawn as large as fits, from 64 px down to 40 px, in at most
// four lines wrapped at spaces; a title too long even at 40 px is cut at a
// word and ends with "…". Nothing ever leaves the margins or overlaps.
//
// The output is deterministic: the same card gives the same bytes on every
// build and every host. The fonts are the Go fonts (golang.org/x/image, BSD
// licence), compiled into the program; no system font, clock or randomness
// is read. Layout is done in integer arithmetic, in font units.
//
// The Go fonts cover French and English text, typographic quotes, dashes,
// "…", "€" and "£", and the no-break space U+00A0, but not the narrow
// no-break space U+202F nor the thin space U+2009: these are drawn as
// spaces. Any other rune the fonts lack is left out, never drawn as a box.
//
// Cards are cheap to draw: each one is a paletted image of 16 colours (the
// background, and a few anti-aliasing levels of each text colour), which
// image/png writes with 4 bits a pixel, and every glyph is rasterized once
// per font, size and quarter-pixel offset, then copied.
package share

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Width and Height are the size of a card in pixels, the size that Facebook,
// LinkedIn, X and most chat apps expect for a large link preview.
const Width, Height = 1200, 630

// Card is what a share card shows. Every field may be empty; text is drawn
// on one line each except Title (up to four lines) and Facts (up to two).
type Card struct {
	// Site is the site's name, drawn small at the top left.
	Site string
	// Kicker is drawn above the title, for example "Amende · France".
	Kicker string
	// Title is the page's title, drawn large and bold, wrapped.
	Title string
	// Facts are drawn at the bottom, separated by " · ", for example
	// {"17 octobre 2022", "CNIL"}.
	Facts []string
	// Amount is drawn large in the accent colour at the bottom right, for
	// example "20 000 000 €".
	Amount string
}

// Painter draws cards. It holds the parsed fonts and the glyphs it has
// rasterized so far, so one Painter should serve a whole build; it is safe
// for concurrent use.
type Painter struct {
	fonts [numFonts]fontData
	inks  inkTable
	enc   png.Encoder

	// images recycles the 750 kB pixel buffers of finished cards.
	images sync.Pool

	mu       sync.RWMutex // guards the fields below
	advances map[advanceKey]advance
	glyphs   map[glyphKey]*glyph
	faces    map[faceKey]font.Face
	buf      sfnt.Buffer
}

// fontData is one parsed font and its size-independent metrics.
type fontData struct {
	font *opentype.Font
	// upem is the number of font units in an em; ascent and descent are in
	// font units, descent positive below the baseline.
	upem, ascent, descent int64
}

// NewPainter parses the fonts and returns a Painter ready to draw.
func NewPainter() (*Painter, error) {
	p := &Painter{
		inks:     newInkTable(),
		advances: make(map[advanceKey]advance),
		glyphs:   make(map[glyphKey]*glyph),
		faces:    make(map[faceKey]font.Face),
	}
	// BestSpeed: on a card, which is mostly flat colour, it writes files
	// barely larger than the default level in a fraction of the time (see
	// BenchmarkPNG).
	p.enc = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &encoderPool{}}
	for id, ttf := range [numFonts][]byte{regular: goregular.TTF, bold: gobold.TTF} {
		f, err := opentype.Parse(ttf)
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
		p.fonts[id] = fontData{font: f, upem: upem, ascent: int64(m.Ascent.Ceil()), descent: int64(m.Descent.Ceil())}
	}
	return p, nil
}

// PNG draws the card c and returns it encoded as PNG.
func (p *Painter) PNG(c Card) ([]byte, error) {
	img := p.image()
	defer p.images.Put(img)
	p.draw(img, p.layout(c))
	var out bytes.Buffer
	// Cards weigh 20 to 40 kB; one allocation is enough for most.
	out.Grow(48 << 10)
	if err := p.enc.Encode(&out, img); err != nil {
		return nil, fmt.Errorf("share: encoding the card: %v", err)
	}
	return out.Bytes(), nil
}

// image returns a blank card, recycled if possible.
func (p *Painter) image() *image.Paletted {
	if img, ok := p.images.Get().(*image.Paletted); ok {
		clear(img.Pix)
		return img
	}
	return image.NewPaletted(image.Rect(0, 0, Width, Height), p.inks.palette)
}

// encoderPool lets the PNG encoder reuse its compressor and row buffers
// from card to card.
type encoderPool struct{ pool sync.Pool }

func (e *encoderPool) Get() *png.EncoderBuffer {
	b, _ := e.pool.Get().(*png.EncoderBuffer)
	return b
}

func (e *encoderPool) Put(b *png.EncoderBuffer) { e.pool.Put(b) }
