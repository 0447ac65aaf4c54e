package site

import (
	"bytes"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"clearviewtimeline/gen/internal/content"

	"golang.org/x/net/html"
)

// These tests read the real content/ and hold it to the fact sheet.

func realContent(t *testing.T) *content.Content {
	t.Helper()
	c := content.Load(repoRoot(), content.Options{})
	if errs := c.Diagnostics.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	return c
}

// withPrimary lists the events for which the fact sheet gives the
// authority's or court's own text (or a verbatim reproduction of it).
var withPrimary = []string{
	"2021-02-02-canada-conclusions-conjointes", "2021-02-11-imy-police-suede", "2021-10-14-oaic-determination",
	"2021-11-03-aat-recours-clearview", "2021-11-26-cnil-mise-en-demeure", "2021-12-14-quebec-ordonnance",
	"2022-02-10-garante-sanction", "2022-05-18-ico-sanction", "2022-07-13-hdpa-sanction", "2022-10-17-cnil-sanction",
	"2023-04-13-cnil-liquidation-astreinte", "2023-05-08-aat-decision", "2024-04-12-bvwg-suspension",
	"2024-05-16-ap-sanction", "2024-08-21-oaic-declaration", "2025-04-25-vermont-nouvelle-action",
	"2025-10-06-upper-tribunal-decision",
}

func TestSources(t *testing.T) {
	c := realContent(t)
	for _, e := range c.Events {
		if len(e.Sources) == 0 {
			t.Errorf("%s: no source", e.ID)
		}
	}
	for _, id := range withPrimary {
		e := c.Event(id)
		if e == nil {
			t.Errorf("no event %s", id)
			continue
		}
		ok := false
		for _, s := range e.Sources {
			ok = ok || s.Primary
		}
		if !ok {
			t.Errorf("%s: the fact sheet gives a primary source; the event marks none", id)
		}
		if !e.Sources[0].Primary {
			t.Errorf("%s: the primary source is not listed first", id)
		}
	}
}

// TestFacts is a reader's spot check of the key figures against the fact sheet.
func TestFacts(t *testing.T) {
	c := realContent(t)
	type want struct {
		id, date, published, country, kind, amount, reference, status string
	}
	for _, w := range []want{
		{"2021-11-26-cnil-mise-en-demeure", "2021-11-26", "2021-12-16", "FR", "notice", "", "MED-2021-134", ""},
		{"2022-10-17-cnil-sanction", "2022-10-17", "2022-10-20", "FR", "fine", "20000000 EUR", "SAN-2022-019", ""},
		{"2023-04-13-cnil-liquidation-astreinte", "2023-04-13", "2023-05-10", "FR", "penalty", "5200000 EUR", "SAN-2023-005", ""},
		{"2022-05-18-ico-sanction", "2022-05-18", "2022-05-23", "GB", "fine", "7552800 GBP", "", "restored"},
		{"2023-10-17-ftt-decision", "2023-10-17", "", "GB", "ruling", "", "[2023] UKFTT 819 (GRC)", ""},
		{"2025-10-06-upper-tribunal-decision", "2025-10-06", "2025-10-07", "GB", "ruling", "", "[2025] UKUT 319 (AAC)", ""},
		{"2022-02-10-garante-sanction", "2022-02-10", "2022-03-09", "IT", "fine", "20000000 EUR", "", ""},
		{"2022-07-13-hdpa-sanction", "2022-07-13", "", "GR", "fine", "20000000 EUR", "35/2022", ""},
		{"2024-05-16-ap-sanction", "2024-05-16", "2024-09-03", "NL", "fine", "30500000 EUR", "", "final"},
		{"2026-02-18-bcca-arret", "2026-02-18", "", "CA-BC", "ruling", "", "2026 BCCA 67", ""},
	} {
		e := c.Event(w.id)
		if e == nil {
			t.Errorf("no event %s", w.id)
			continue
		}
		amount := ""
		if e.Amount != nil {
			amount = strings.TrimSpace(strings.Join([]string{strconv.FormatInt(e.Amount.Value, 10), e.Amount.Currency}, " "))
		}
		got := want{e.ID, e.Date.String(), e.Published.String(), e.Country, e.Kind, amount, e.Reference, e.Status}
		if w.published == "" {
			got.published = ""
		}
		if w.status == "" {
			got.status = ""
		}
		if w.reference == "" && !strings.Contains(e.Reference, w.reference) {
			got.reference = ""
		}
		if w.reference == "" {
			got.reference = ""
		}
		if got != w {
			t.Errorf("%s:\n got %+v\nwant %+v", w.id, got, w)
		}
	}
	// The latest event of the timeline.
	if last := c.Events[len(c.Events)-1]; last.ID != "2026-02-18-bcca-arret" {
		t.Errorf("latest event %s", last.ID)
	}
}

func TestAstreinteIsComputed(t *testing.T) {
	c := realContent(t)
	e := c.Event("2023-04-13-cnil-liquidation-astreinte")
	p := e.Penalty
	if p == nil || p.Rate == nil || p.Total == nil {
		t.Fatalf("no computed penalty: %+v", p)
	}
	if p.Rate.Value != 100000 || p.Days != 52 || p.Total.Value != p.Rate.Value*int64(p.Days) || p.Total.Value != 5200000 {
		t.Errorf("astreinte: %d × %d = %d", p.Rate.Value, p.Days, p.Total.Value)
	}
	if p.Inclusive != 53 || p.Exclusive != 52 {
		t.Errorf("counts %d and %d, want 53 and 52", p.Inclusive, p.Exclusive)
	}
	src, _ := fs.ReadFile(repoRoot(), "content/events/2023-04-13-cnil-liquidation-astreinte.md")
	if bytes.Contains(src, []byte("5200000")) {
		t.Error("the total is typed in the file: it must be computed")
	}
	out := realSite(t, repoRoot())
	page := string(out.Files["evenements/2023-04-13-cnil-liquidation-astreinte/index.html"])
	for _, s := range []string{"5\u00a0200\u00a0000\u00a0€", "100\u00a0000\u00a0€", "52", "53"} {
		if !strings.Contains(page, s) {
			t.Errorf("the event page does not show %q", s)
		}
	}
	en := string(out.Files["en/events/2023-04-13-cnil-liquidation-astreinte/index.html"])
	if !strings.Contains(en, "€5,200,000") {
		t.Error("the English page does not show €5,200,000")
	}
}

// grandTotal reads the figures page's grand total.
func grandTotal(t *testing.T, out *Output, p string) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(out.Files[p]))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && attr(n, "id") == "grand-total" {
			var b strings.Builder
			for c := range n.Descendants() {
				if c.Type == html.TextNode {
					b.WriteString(c.Data)
				}
			}
			return b.String()
		}
	}
	t.Fatalf("%s: no grand total", p)
	return ""
}

// TestFiguresAreComputed changes the Dutch fine and sees the totals move.
func TestFiguresAreComputed(t *testing.T) {
	fsys := copyRepo(t)
	build := func() *Output {
		out, diags, err := Build(fsys, Options{})
		if err != nil {
			t.Fatal(err, diags)
		}
		return out
	}
	before := build()
	fr, en := grandTotal(t, before, "chiffres/index.html"), grandTotal(t, before, "en/figures/index.html")
	if fr != "95\u00a0700\u00a0000\u00a0€ + 7\u00a0552\u00a0800\u00a0£GB" || en != "£7,552,800 + €95,700,000" && en != "€95,700,000 + £7,552,800" {
		t.Errorf("totals %q and %q; the fact sheet gives €95.7 M and £7,552,800", fr, en)
	}
	ap := "content/events/2024-05-16-ap-sanction.md"
	fsys[ap].Data = regexp.MustCompile(`value: 30500000`).ReplaceAll(fsys[ap].Data, []byte("value: 31500000"))
	after := build()
	if got := grandTotal(t, after, "chiffres/index.html"); !strings.HasPrefix(got, "96\u00a0700\u00a0000\u00a0€") {
		t.Errorf("after raising the Dutch fine by €1 M the total is %q", got)
	}
}

// TestCSVColumnsDocumented: every column of /data/events.csv is named on
// the about page, in both languages.
func TestCSVColumnsDocumented(t *testing.T) {
	out := realSite(t, repoRoot())
	header, _, _ := strings.Cut(string(out.Files["data/events.csv"]), "\n")
	for _, page := range []string{"content/pages/about.md", "content/pages/about.en.md"} {
		src, err := fs.ReadFile(repoRoot(), page)
		if err != nil {
			t.Fatal(err)
		}
		for _, col := range strings.Split(strings.TrimSpace(header), ",") {
			if !strings.Contains(string(src), "`"+col+"`") {
				t.Errorf("%s does not document the column %s", page, col)
			}
		}
	}
}
