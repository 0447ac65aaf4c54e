package share

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// event is what the tests read from an event's file.
type event struct {
	file  string
	Title string
}

// realEvents returns the site's events, read from content/events/*.md
// (both languages).
func realEvents(t testing.TB) []event {
	t.Helper()
	files, err := filepath.Glob("../../../content/events/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no events found: %v", err)
	}
	var events []event
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rest, ok := bytes.CutPrefix(b, []byte("---\n"))
		front, _, ok2 := bytes.Cut(rest, []byte("\n---\n"))
		if !ok || !ok2 {
			t.Fatalf("%s: no front matter", f)
		}
		e := event{file: f}
		if err := yaml.Unmarshal(front, &e); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if e.Title == "" {
			t.Fatalf("%s: no title", f)
		}
		events = append(events, e)
	}
	return events
}

// longestTitle returns the site's event with the longest title.
func longestTitle(t testing.TB) event {
	return slices.MaxFunc(realEvents(t), func(a, b event) int {
		return utf8.RuneCountInString(a.Title) - utf8.RuneCountInString(b.Title)
	})
}

func TestLongTitles(t *testing.T) {
	p := newPainter(t)
	long := strings.Repeat("Clearview ", 29) + "fin" // 293 runes
	long += strings.Repeat("x", 300-utf8.RuneCountInString(long))
	for _, tc := range []struct {
		name  string
		title string
		cut   bool
	}{
		{"longest real title", longestTitle(t).Title, false},
		{"300 characters", long, true},
		{"300 characters, one word", strings.Repeat("é", 300), true},
		{"300 characters, dashes", strings.Repeat("anti-reconnaissance—faciale-", 11)[:300], true},
	} {
		for _, c := range []Card{
			{Site: cardFR.Site, Kicker: cardFR.Kicker, Title: tc.title, Facts: cardFR.Facts, Amount: cardFR.Amount},
			{Site: cardFR.Site, Title: tc.title},
			{Title: tc.title, Facts: []string{strings.Repeat("Office of the Information Commissioner ", 8)}, Amount: "1 234 567 890 123 456 789 $ CA"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				l := p.layout(c)
				if l.titleCut != tc.cut {
					t.Errorf("title cut: %v, want %v (lines %q)", l.titleCut, tc.cut, texts(l.title))
				}
				if n := len(l.title); n == 0 || n > titleLines {
					t.Errorf("%d title lines, want 1 to %d", n, titleLines)
				}
				if last := l.title[len(l.title)-1].text; tc.cut != strings.HasSuffix(last, ellipsis) {
					t.Errorf("last line %q: ends with %q: %v, want %v", last, ellipsis, !tc.cut, tc.cut)
				}
				if size := l.title[0].size; size < titleMin || size > titleMax {
					t.Errorf("title size %d", size)
				}
				for _, ln := range append(l.facts, l.amount...) {
					if bottom := l.title[len(l.title)-1].box.Max.Y; bottom > ln.box.Min.Y-footerGap {
						t.Errorf("title ends at %d, too close to %q at %d", bottom, ln.text, ln.box.Min.Y)
					}
				}
				b, err := p.PNG(c)
				if err != nil {
					t.Fatal(err)
				}
				checkInk(t, decode(t, b), l)
			})
		}
	}
}

func TestTitleSize(t *testing.T) {
	p := newPainter(t)
	for _, tc := range []struct {
		title string
		size  int
		lines []string
	}{
		{"Amende", titleMax, []string{"Amende"}},
		// A word too long at 64 px is drawn smaller rather than broken.
		{"Datenschutzbehördenentscheidung", 60, []string{"Datenschutzbehördenentscheidung"}},
		// A word too long even at 40 px is broken, at the largest size
		// where the title fits whole.
		{strings.Repeat("Clearview", 6), titleMax, []string{"ClearviewClearviewClearviewClea", "rviewClearviewClearview"}},
		// After a dash rather than anywhere.
		{"a-" + strings.Repeat("Clearview", 6), titleMax, []string{"a-", "ClearviewClearviewClearviewClea", "rviewClearviewClearview"}},
	} {
		l := p.layout(Card{Title: tc.title})
		if l.title[0].size != tc.size || !slices.Equal(texts(l.title), tc.lines) || l.titleCut {
			t.Errorf("%q: size %d, lines %q, cut %v; want %d, %q", tc.title, l.title[0].size, texts(l.title), l.titleCut, tc.size, tc.lines)
		}
	}
}

func TestRealTitles(t *testing.T) {
	// Every title of the site fits whole at the default sizes.
	p := newPainter(t)
	for _, e := range realEvents(t) {
		l := p.layout(Card{Site: cardFR.Site, Kicker: cardFR.Kicker, Title: e.Title, Facts: cardFR.Facts, Amount: cardFR.Amount})
		if l.titleCut {
			t.Errorf("%s: %q cut: %q", e.file, e.Title, texts(l.title))
		}
		for _, ln := range l.lines() {
			if !ln.box.In(content()) {
				t.Errorf("%q: box %v is not inside %v", ln.text, ln.box, content())
			}
		}
	}
}

func texts(ls []line) []string {
	var s []string
	for _, l := range ls {
		s = append(s, l.text)
	}
	return s
}

func TestWrap(t *testing.T) {
	p := newPainter(t)
	// At 40 px in bold, "Clearview" is 189 px wide, "Clearview…" 229,
	// "ClearviewCl" 229, "ClearviewC…" 257 and "Clearview Clearview" 388.
	for _, tc := range []struct {
		name   string
		words  []string
		sep    string
		width  int
		n      int
		want   []string
		cut    bool
		broken bool
	}{
		{"one line", words("Clearview AI"), " ", 1000, 4, []string{"Clearview AI"}, false, false},
		{"at spaces", words("Clearview  Clearview\nClearview"), " ", 450, 4, []string{"Clearview Clearview", "Clearview"}, false, false},
		{"no-break space", words("20\u00a0000 000"), " ", 150, 4, []string{"20\u00a0000", "000"}, false, false},
		{"after a dash", words("Clearview-Clearview"), " ", 300, 4, []string{"Clearview-", "Clearview"}, false, true},
		{"after an em dash", words("Clearview—Clearview"), " ", 300, 4, []string{"Clearview—", "Clearview"}, false, true},
		{"inside a word", words("ClearviewClearview"), " ", 240, 4, []string{"ClearviewCl", "earview"}, false, true},
		{"too narrow for a rune", words("WW"), " ", 1, 4, []string{"W", "W"}, false, true},
		{"cut", words("Clearview Clearview Clearview"), " ", 300, 1, []string{"Clearview…"}, true, false},
		{"cut inside a word", words("ClearviewClearview"), " ", 240, 1, []string{"Clearview…"}, true, true},
		{"cut, room for the ellipsis", words("ClearviewClearview"), " ", 260, 1, []string{"ClearviewC…"}, true, true},
		{"no room", words("Clearview"), " ", 300, 0, nil, true, false},
		{"nothing", nil, " ", 300, 2, nil, false, false},
		{"facts at separators", []string{"17 octobre 2022", "CNIL", "SAN-2022-019"}, factsSep, 600, 2,
			[]string{"17 octobre 2022 · CNIL", "SAN-2022-019"}, false, false},
		{"a long fact at spaces", []string{"Office of the Information Commissioner"}, factsSep, 600, 2,
			[]string{"Office of the Information", "Commissioner"}, false, true},
		{"facts cut before a separator", []string{"17 octobre 2022", "CNIL", "SAN-2022-019"}, factsSep, 400, 1,
			[]string{"17 octobre 2022…"}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, cut, broken := p.wrap(bold, 40, tc.words, tc.sep, tc.width, tc.n)
			if !slices.Equal(got, tc.want) || cut != tc.cut || broken != tc.broken {
				t.Errorf("got %q, cut %v, broken %v; want %q, %v, %v", got, cut, broken, tc.want, tc.cut, tc.broken)
			}
			for _, l := range got {
				if _, left, right := p.extend(measure{}, bold, 40, l); right-left > tc.width && utf8.RuneCountInString(l) > 1 {
					w := right - left
					t.Errorf("%q is %d px wide, more than %d", l, w, tc.width)
				}
			}
		})
	}
}
