package share

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/png"
	"strings"
	"sync"
	"testing"
)

// newPainter returns a Painter or stops the test.
func newPainter(t testing.TB) *Painter {
	t.Helper()
	p, err := NewPainter()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// decode decodes a card, checking that it is a 1200×630 PNG of 4-bit
// palette indices.
func decode(t *testing.T, b []byte) *image.Paletted {
	t.Helper()
	// The IHDR chunk: bit depth at byte 24, colour type at byte 25.
	if len(b) < 26 || b[24] != 4 || b[25] != 3 {
		t.Fatalf("not a 4-bit paletted PNG: % x", b[:min(len(b), 26)])
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decoding: %v", err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, Width, Height) {
		t.Fatalf("bounds %v, want %dx%d", got, Width, Height)
	}
	pal, ok := img.(*image.Paletted)
	if !ok {
		t.Fatalf("decoded as %T, want *image.Paletted", img)
	}
	return pal
}

// The cards drawn by the tests and the benchmark.
var (
	cardFR = Card{
		Site:   "Clearview AI : la chronologie des sanctions",
		Kicker: "Amende · France",
		Title:  "La CNIL inflige 20\u202f000\u202f000\u00a0€ à Clearview AI et lui enjoint, sous astreinte, d’effacer les données des personnes se trouvant en France",
		Facts:  []string{"17\u00a0octobre\u00a02022", "CNIL", "SAN-2022-019"},
		Amount: "20\u202f000\u202f000\u00a0€",
	}
	cardEN = Card{
		Site:   "Clearview AI: the enforcement timeline",
		Kicker: "Fine · United Kingdom",
		Title:  "ICO fines Clearview £7,552,800 and orders it to delete UK data",
		Facts:  []string{"18 May 2022", "Information Commissioner’s Office (ICO)", "Overturned on appeal"},
		Amount: "£7,552,800",
	}
)

func TestPNG(t *testing.T) {
	p := newPainter(t)
	for name, c := range map[string]Card{
		"fr":    cardFR,
		"en":    cardEN,
		"empty": {},
		"title only": {
			Site:  "Clearview AI : la chronologie des sanctions",
			Title: "Le procureur général du Vermont poursuit Clearview AI en justice",
		},
		"no kicker": {
			Site:  "Clearview AI: the enforcement timeline",
			Title: "Clearview settles the ACLU's BIPA lawsuit",
			Facts: []string{"9 May 2022", "Circuit Court of Cook County"},
		},
		"amount only": {Title: "Amende", Amount: "7 552 800 £"},
	} {
		t.Run(name, func(t *testing.T) {
			b, err := p.PNG(c)
			if err != nil {
				t.Fatal(err)
			}
			if cap(b) != len(b) {
				t.Errorf("%d bytes of spare capacity", cap(b)-len(b))
			}
			img := decode(t, b)
			checkInk(t, img, p.layout(c))
		})
	}
}

// checkInk checks that every pixel drawn outside the accent band falls
// inside the box of a line of the layout l, and that the boxes stay inside
// the margins and those of different parts do not overlap (a title's lines
// may, by a pixel or two, where no glyph reaches).
func checkInk(t *testing.T, img *image.Paletted, l layout) {
	t.Helper()
	parts := [][]line{l.site, l.kicker, l.title, l.facts, l.amount}
	for i, part := range parts {
		for _, a := range part {
			if !a.box.In(content()) {
				t.Errorf("%q: box %v is not inside the margins %v", a.text, a.box, content())
			}
			for _, other := range parts[i+1:] {
				for _, b := range other {
					if a.box.Overlaps(b.box) {
						t.Errorf("%q %v overlaps %q %v", a.text, a.box, b.text, b.box)
					}
				}
			}
		}
	}
	lines := l.lines()
	stray := 0
	for y := bandHeight; y < Height; y++ {
		for x := range Width {
			if img.ColorIndexAt(x, y) == 0 {
				continue
			}
			in := false
			for _, ln := range lines {
				in = in || image.Pt(x, y).In(ln.box)
			}
			if !in {
				if stray < 5 {
					t.Errorf("pixel (%d, %d) drawn outside every line's box", x, y)
				}
				stray++
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	// A fresh Painter, one whose caches are warm, and Painters used from
	// several goroutines at once all give the same bytes.
	cards := []Card{cardFR, cardEN, {Title: strings.Repeat("Clearview ", 40)}}
	want := make([][]byte, len(cards))
	for i, c := range cards {
		var err error
		if want[i], err = newPainter(t).PNG(c); err != nil {
			t.Fatal(err)
		}
	}
	p := newPainter(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := len(cards) - 1; i >= 0; i-- {
				for range 2 {
					got, err := p.PNG(cards[i])
					if err != nil {
						t.Error(err)
					} else if !bytes.Equal(got, want[i]) {
						t.Errorf("card %d: the bytes differ from one drawing to the next", i)
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestPixels pins the pixels of a card, so that a change of font, layout or
// rasterizer, or a host that rounds differently, does not go unnoticed.
// After an intended change of the design, look at the cards (CARDS_OUT=dir
// go test ./gen/internal/site -run TestShareCards writes three) and update
// the hash.
func TestPixels(t *testing.T) {
	const want = "48d07a49afde8c3aec2c9ee7f1eb0c790a88f2099a77b5cad0ade9ab575f9bdf"
	b, err := newPainter(t).PNG(cardFR)
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	h := sha256.New()
	h.Write(img.Pix)
	for _, c := range img.Palette {
		r, g, b, _ := c.RGBA()
		fmt.Fprintf(h, "%04x%04x%04x", r, g, b)
	}
	if got := fmt.Sprintf("%x", h.Sum(nil)); got != want {
		t.Errorf("pixels hash %s, want %s", got, want)
	}
}

func ExamplePainter_PNG() {
	p, err := NewPainter()
	if err != nil {
		panic(err)
	}
	b, err := p.PNG(Card{
		Site:   "Clearview AI : la chronologie des sanctions",
		Kicker: "Amende · France",
		Title:  "La CNIL inflige 20 millions d’euros à Clearview AI",
		Facts:  []string{"17 octobre 2022", "CNIL"},
		Amount: "20\u202f000\u202f000\u00a0€",
	})
	if err != nil {
		panic(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		panic(err)
	}
	fmt.Println(img.Bounds().Dx(), "×", img.Bounds().Dy(), len(img.(*image.Paletted).Palette), "colours")
	// Output: 1200 × 630 14 colours
}

// BenchmarkCard draws the cards of two events as a build does, the Painter's
// glyphs rasterized by the cards before them: the CNIL fine's, and one with
// the site's longest title. Besides the wall time, it reports the CPU time
// per card (cpu-ns/op), the process's whole, collector included, which a
// shared machine does not inflate by the time spent waiting for a core.
// "fresh" draws the CNIL card with a new Painter, as the first card of a
// build: fonts parsed and every glyph rasterized; "parallel" draws both
// cards on every core.
func BenchmarkCard(b *testing.B) {
	p := newPainter(b)
	cards := []struct {
		name string
		card Card
	}{
		{"CNIL", cardFR},
		{"longest", Card{Site: cardFR.Site, Kicker: cardFR.Kicker, Title: longestTitle(b).Title, Facts: cardFR.Facts, Amount: cardFR.Amount}},
	}
	for _, c := range cards {
		if _, err := p.PNG(c.card); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			benchCPU(b, func() int {
				out, err := p.PNG(c.card)
				if err != nil {
					b.Fatal(err)
				}
				return len(out)
			})
		})
	}
	b.Run("fresh", func(b *testing.B) {
		benchCPU(b, func() int {
			out, err := newPainter(b).PNG(cardFR)
			if err != nil {
				b.Fatal(err)
			}
			return len(out)
		})
	})
	// A build draws cards on every core with one Painter.
	b.Run("parallel", func(b *testing.B) {
		start, ok := cpuTime()
		b.RunParallel(func(pb *testing.PB) {
			for i := 0; pb.Next(); i++ {
				if _, err := p.PNG(cards[i%len(cards)].card); err != nil {
					b.Error(err)
				}
			}
		})
		if end, ok2 := cpuTime(); ok && ok2 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	})
}

// benchCPU runs draw, which returns the size of the card it drew, in b's
// loop, and reports the CPU time and the bytes of a card.
func benchCPU(b *testing.B, draw func() int) {
	size := 0
	start, ok := cpuTime()
	for b.Loop() {
		size += draw()
	}
	if end, ok2 := cpuTime(); ok && ok2 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(size)/float64(b.N), "bytes/card")
}

// FuzzPainter draws cards of any text: a card is always a 1200×630 PNG,
// its title at most four lines, and nothing is drawn outside its lines'
// boxes, which stay inside the margins and apart.
func FuzzPainter(f *testing.F) {
	p := newPainter(f)
	f.Add(cardFR.Kicker, cardFR.Title, cardFR.Facts[0], cardFR.Amount)
	f.Add("", "", "", "")
	f.Add("\u202f", strings.Repeat("é", 300), "中😀\x00\u00ad", "€€€ 1 234 567 890 123 456 789")
	f.Add("Amende · France", strings.Repeat("anti-reconnaissance—faciale ", 12), strings.Repeat("Cour ", 60), "£")
	f.Fuzz(func(t *testing.T, kicker, title, fact, amount string) {
		c := Card{Site: "Site", Kicker: kicker, Title: title, Facts: []string{fact, fact}, Amount: amount}
		l := p.layout(c)
		if len(l.title) > titleLines {
			t.Errorf("%d title lines", len(l.title))
		}
		b, err := p.PNG(c)
		if err != nil {
			t.Fatal(err)
		}
		checkInk(t, decode(t, b), l)
	})
}
