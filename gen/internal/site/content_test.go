package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"timeline/gen/internal/content"

	"go.yaml.in/yaml/v3"
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

// record is tools/record.yaml: the key facts of the real content, held
// to the fact sheet.
type record struct {
	Primary []string `yaml:"primary"`
	Facts   []struct {
		ID        string `yaml:"id"`
		Date      string `yaml:"date"`
		Published string `yaml:"published"`
		Country   string `yaml:"country"`
		Kind      string `yaml:"kind"`
		Amount    string `yaml:"amount"`
		Reference string `yaml:"reference"`
		Status    string `yaml:"status"`
		// Findings are the provisions the decision found breached, in
		// any order.
		Findings []string `yaml:"findings"`
	} `yaml:"facts"`
	Latest          string            `yaml:"latest"`
	Totals          map[string]string `yaml:"totals"`
	Appealed        []string          `yaml:"appealed"`
	ComputedPenalty struct {
		ID        string              `yaml:"id"`
		Rate      int64               `yaml:"rate"`
		Days      int64               `yaml:"days"`
		Inclusive int64               `yaml:"inclusive"`
		Total     int64               `yaml:"total"`
		Shows     map[string][]string `yaml:"shows"`
	} `yaml:"computed_penalty"`
}

func readRecord(t *testing.T) record {
	t.Helper()
	b, err := fs.ReadFile(repoRoot(), "tools/record.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var r record
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("tools/record.yaml: %v", err)
	}
	return r
}

func TestSources(t *testing.T) {
	c := realContent(t)
	for _, e := range c.Events {
		if len(e.Sources) == 0 {
			t.Errorf("%s: no source", e.ID)
		}
	}
	for _, id := range readRecord(t).Primary {
		e := c.Event(id)
		if e == nil {
			t.Errorf("no event %s", id)
			continue
		}
		if !slices.ContainsFunc(e.Sources, func(s content.Source) bool { return s.Primary }) {
			t.Errorf("%s: the fact sheet gives a primary source; the event marks none", id)
		}
		if !e.Sources[0].Primary {
			t.Errorf("%s: the primary source is not listed first", id)
		}
	}
}

// TestFacts is a reader's spot check of the key figures against the fact
// sheet, as tools/record.yaml gives them.
func TestFacts(t *testing.T) {
	c := realContent(t)
	r := readRecord(t)
	if len(r.Facts) < 10 {
		t.Fatalf("only %d facts to check", len(r.Facts))
	}
	for _, w := range r.Facts {
		e := c.Event(w.ID)
		if e == nil {
			t.Errorf("no event %s", w.ID)
			continue
		}
		amount := ""
		if e.Amount != nil {
			amount = fmt.Sprintf("%d %s", e.Amount.Value, e.Amount.Currency)
		}
		for _, f := range []struct{ name, want, got string }{
			{"date", w.Date, e.Date.String()}, {"published", w.Published, e.Published.String()}, {"country", w.Country, e.Country},
			{"kind", w.Kind, e.Kind}, {"amount", w.Amount, amount}, {"reference", w.Reference, e.Reference}, {"status", w.Status, e.Status},
		} {
			if f.want != "" && f.got != f.want {
				t.Errorf("%s: %s is %q; the record gives %q", w.ID, f.name, f.got, f.want)
			}
		}
		if w.Findings != nil {
			var got []string
			for _, f := range e.Findings {
				got = append(got, f.Provision)
			}
			if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(w.Findings))) {
				t.Errorf("%s: findings %v; the record gives %v", w.ID, got, w.Findings)
			}
		}
	}
	if last := c.Events[len(c.Events)-1]; last.ID != r.Latest {
		t.Errorf("latest event %s; the record gives %s", last.ID, r.Latest)
	}
}

func TestAstreinteIsComputed(t *testing.T) {
	c := realContent(t)
	w := readRecord(t).ComputedPenalty
	e := c.Event(w.ID)
	if e == nil {
		t.Fatalf("no event %s", w.ID)
	}
	p := e.Penalty
	if p == nil || p.Rate == nil || p.Total == nil {
		t.Fatalf("no computed penalty: %+v", p)
	}
	if p.Rate.Value != w.Rate || int64(p.Days) != w.Days || p.Total.Value != p.Rate.Value*int64(p.Days) || p.Total.Value != w.Total {
		t.Errorf("penalty: %d × %d = %d; the record gives %d × %d = %d", p.Rate.Value, p.Days, p.Total.Value, w.Rate, w.Days, w.Total)
	}
	if int64(p.Inclusive) != w.Inclusive || int64(p.Exclusive) != w.Inclusive-1 {
		t.Errorf("counts %d and %d, want %d and %d", p.Inclusive, p.Exclusive, w.Inclusive, w.Inclusive-1)
	}
	src, _ := fs.ReadFile(repoRoot(), e.Path)
	if bytes.Contains(src, []byte(strconv.FormatInt(w.Total, 10))) {
		t.Error("the total is typed in the file: it must be computed")
	}
	out := realSite(t, repoRoot())
	langs := realLangs(t)
	for lang, shows := range w.Shows {
		l := langs[lang]
		page := string(out.Files[file(l.Prefix+"/"+l.Path("events")+"/"+e.ID+"/")])
		for _, s := range shows {
			if !strings.Contains(page, s) {
				t.Errorf("the %s event page does not show %q", lang, s)
			}
		}
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

// TestFiguresAreComputed: the figures page's grand totals are the
// record's; raising one fine by €1 M raises the total by as much.
func TestFiguresAreComputed(t *testing.T) {
	fsys := copyRepo(t)
	build := func() *Output {
		out, diags, err := BuildAll(fsys, Options{})
		if err != nil {
			t.Fatal(err, diags)
		}
		return out
	}
	r := readRecord(t)
	before := build()
	fr, en := grandTotal(t, before, "chiffres/index.html"), grandTotal(t, before, "en/figures/index.html")
	if fr != r.Totals["fr"] || en != r.Totals["en"] {
		t.Errorf("totals %q and %q; the record gives %q and %q", fr, en, r.Totals["fr"], r.Totals["en"])
	}
	var fine *content.Event
	var euros int64
	for _, e := range realContent(t).Events {
		if Counted(e) && e.Amount.Currency == "EUR" {
			euros += e.Amount.Value
			if e.Kind == "fine" {
				fine = e
			}
		}
	}
	v := strconv.FormatInt(fine.Amount.Value, 10)
	fsys[fine.Path].Data = bytes.Replace(fsys[fine.Path].Data, []byte("value: "+v), []byte("value: "+strconv.FormatInt(fine.Amount.Value+1000000, 10)), 1)
	after := build()
	fr = realLangs(t)["fr"].Money(content.Money{Value: euros + 1000000, Currency: "EUR"})
	if got := grandTotal(t, after, "chiffres/index.html"); !strings.HasPrefix(got, fr) {
		t.Errorf("after raising %s by €1 M the total is %q, want it to begin with %q", fine.ID, got, fr)
	}
}

// TestFiguresUnderAppeal: a sum under appeal is listed apart on the
// figures page and left out of the totals; once the appeal is decided and
// the decision in force again, it is counted.
func TestFiguresUnderAppeal(t *testing.T) {
	fsys := copyRepo(t)
	r := readRecord(t)
	if len(r.Appealed) == 0 {
		t.Skip("no sum under appeal in the record")
	}
	e := realContent(t).Event(r.Appealed[0])
	if e == nil || !Appealed(e) || Counted(e) {
		t.Fatalf("%s: not a sum under appeal", r.Appealed[0])
	}
	out, _, err := BuildAll(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	amount := realLangs(t)["fr"].Money(*e.Amount)
	page := string(out.Files["chiffres/index.html"])
	total := grandTotal(t, out, "chiffres/index.html")
	if !strings.Contains(page, "id=appealed") || !strings.Contains(page, amount) || strings.Contains(total, amount) {
		t.Errorf("%s (%s) is not listed apart, or is in the total %q", e.ID, amount, total)
	}
	fsys[e.Path].Data = bytes.Replace(fsys[e.Path].Data, []byte("status: appealed"), []byte("status: in-force"), 1)
	out, _, err = BuildAll(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if total := grandTotal(t, out, "chiffres/index.html"); !strings.Contains(total, amount) {
		t.Errorf("in force, %s is not in the total %q", e.ID, total)
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
		// The lists of values are the schema's.
		for col, values := range map[string][]string{"kind": content.Kinds, "status": content.Statuses,
			"confirmation": content.Confirmations, "paid": content.Payments} {
			row := regexp.MustCompile("(?m)^\\| `" + col + "` \\|(.*)$").FindStringSubmatch(string(src))
			if row == nil {
				t.Errorf("%s: no row for %s", page, col)
				continue
			}
			var got []string
			for _, m := range regexp.MustCompile("`([a-z-]+)`").FindAllStringSubmatch(row[1], -1) {
				got = append(got, m[1])
			}
			if !slices.Equal(got, values) {
				t.Errorf("%s: %s lists %v, the schema %v", page, col, got, values)
			}
		}
	}
}

// TestEveryEventChecked: every event says when its facts were last
// compared with its sources, and none after the site's as_of.
func TestEveryEventChecked(t *testing.T) {
	c := realContent(t)
	for _, e := range c.Events {
		switch {
		case e.Checked.IsZero():
			t.Errorf("%s: no checked date", e.ID)
		case e.Checked.Compare(c.Site.AsOf) > 0:
			t.Errorf("%s: checked %s, after as_of %s", e.ID, e.Checked, c.Site.AsOf)
		}
	}
}
