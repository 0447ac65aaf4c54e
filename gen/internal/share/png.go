package share

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"hash/crc32"
	"image/color"

	"github.com/klauspost/compress/zlib"
)

// The card's palette has at most 16 colours, so that its pixels take 4 bits
// each: a compile error here says that it has outgrown them.
var _ [16 - paletteSize]struct{}

// pngHeader returns the start of every card's PNG: the signature, the
// header of a Width×Height image of 4-bit palette indices, and the palette.
func pngHeader(pal []color.RGBA) []byte {
	b := []byte("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], Width)
	binary.BigEndian.PutUint32(ihdr[4:], Height)
	ihdr[8], ihdr[9] = 4, 3 // bit depth, colour type: palette indices
	// Compression method, filter method and interlace method are all 0.
	b = appendChunk(b, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(pal))
	for _, c := range pal {
		plte = append(plte, c.R, c.G, c.B)
	}
	return appendChunk(b, "PLTE", plte)
}

// appendChunk appends a PNG chunk of type typ holding data to b.
func appendChunk(b []byte, typ string, data []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	start := len(b)
	b = append(append(b, typ...), data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[start:]))
}

// pixels holds a card's pixels as PNG stores them before compression:
// each of the Height rows is its filter type, 0 (none: filters rarely help
// an image of palette indices, and the Up filter made a card both larger
// and slower to compress), then Width palette indices of 4 bits, two a
// byte, the left one in the high nibble. The cards are drawn straight
// into it, and a blank card is all zeros: the background.
type pixels []byte

// rowBytes is the length of a row of pixels: its filter type, then its
// pixels (Width is even).
const rowBytes = 1 + Width/2

// row returns the pixels of row y.
func (px pixels) row(y int) []byte { return px[y*rowBytes+1 : (y+1)*rowBytes] }

// nibbleShift returns the shift of the pixel at x within its byte.
func nibbleShift(x int) uint { return 4 * uint(1-x%2) }

// canvas is what drawing and encoding a card needs, kept from card to card:
// the pixels, the compressor and the compressed pixels.
type canvas struct {
	px   pixels
	zw   *zlib.Writer
	idat bytes.Buffer
}

// newCanvas returns a blank canvas.
func newCanvas() *canvas {
	// The fastest level compresses a card in half the CPU time of the
	// default level, for files a fifth larger (21 kB rather than 18 kB),
	// and in half the time of compress/zlib's fastest, whose files are
	// larger still (23 kB).
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // a valid level: no error
	return &canvas{px: make(pixels, Height*rowBytes), zw: zw}
}

// encode returns the canvas's pixels as a PNG that starts with header, as
// pngHeader returns it.
func (c *canvas) encode(header []byte) ([]byte, error) {
	c.idat.Reset()
	c.zw.Reset(&c.idat)
	_, err := c.zw.Write(c.px)
	if err = cmp.Or(err, c.zw.Close()); err != nil {
		return nil, err
	}
	// A build keeps every card in memory: leave no spare capacity. A
	// chunk takes 12 bytes besides its data: length, type and CRC.
	b := make([]byte, 0, len(header)+12+c.idat.Len()+12)
	b = appendChunk(append(b, header...), "IDAT", c.idat.Bytes())
	return appendChunk(b, "IEND", nil), nil
}
