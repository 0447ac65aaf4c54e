package site

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// largeSite is a timeline of n events of one authority, one a day from
// 1 January 2021, with per_page and feed_limit set; every fourth event has
// a correction of 1 December 2023.
func largeSite(t *testing.T, n, perPage, feedLimit int) *Output {
	t.Helper()
	out, _, err := BuildAll(largeSiteFS(t, n, perPage, feedLimit), Options{NoCards: true})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// largeSiteFS is the tree largeSite builds.
func largeSiteFS(t *testing.T, n, perPage, feedLimit int) fstest.MapFS {
	t.Helper()
	fsys := repoFS(t)
	fsys["content/data/site.yaml"] = &fstest.MapFile{Data: []byte(corpusSite + fmt.Sprintf("per_page: %d\nfeed_limit: %d\n", perPage, feedLimit))}
	fsys["content/data/authorities.yaml"] = &fstest.MapFile{Data: []byte(corpusAuthorities)}
	for i := range n {
		day := fmt.Sprintf("2021-%02d-%02d", 1+i/28, 1+i%28)
		updates := ""
		if i%4 == 0 {
			updates = "updates:\n  - {date: 2023-12-01, text: {fr: \"Corrigé.\", en: \"Corrected.\"}}\n"
		}
		fsys[fmt.Sprintf("content/events/%s-e%d.md", day, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(`---
date: %s
country: FR
authority: cnil
kind: lawsuit
status: final
confirmation: press
checked: 2021-12-31
sources:
  - {url: "https://example.org/%d", title: Source, publisher: Presse, language: fr}
%stitle: "Événement %d"
summary: Un événement.
---
Texte.
`, day, i, updates, i))}
	}
	return fsys
}

// TestPagination: past per_page events, the timeline shows the latest and
// leads to the years' pages; a facet's list continues on numbered pages
// that link each other, are in the sitemap and switch language to the
// same page; the log of corrections too; the timeline to embed says that
// it shows the latest; a feed holds the latest feed_limit entries,
// corrections making entries new.
func TestPagination(t *testing.T) {
	out := largeSite(t, 45, 10, 5)
	page := func(p string) string {
		b, ok := out.Files[p]
		if !ok {
			t.Fatalf("no %s", p)
		}
		return string(b)
	}
	count := func(s string) int { return strings.Count(s, `<li class="event`) }
	home := page("index.html")
	if n := count(home); n != 10 || !strings.Contains(home, "Événement 44") || strings.Contains(home, "Événement 34<") {
		t.Errorf("home: %d events, want the 10 latest", n)
	}
	if !strings.Contains(home, `<link rel=next href=/annees/2021/>`) || !strings.Contains(home, `<a href=/annees/2021/>2021</a>`) {
		t.Error("home: no link to the years' pages")
	}
	if !strings.Contains(home, `data-url=/types/action-en-justice/`) || !strings.Contains(home, `id=filter-more hidden`) {
		t.Error("home: the filters do not say where the rest is")
	}
	// A facet of 45 events: 5 pages of 10, the latest first.
	p1, p2, p5 := page("types/action-en-justice/index.html"), page("types/action-en-justice/page/2/index.html"), page("types/action-en-justice/page/5/index.html")
	if count(p1) != 10 || count(p2) != 10 || count(p5) != 5 || !strings.Contains(p1, "Événement 44") || !strings.Contains(p5, "Événement 0<") {
		t.Errorf("facet pages: %d, %d, %d events", count(p1), count(p2), count(p5))
	}
	if _, ok := out.Files["types/action-en-justice/page/6/index.html"]; ok {
		t.Error("a sixth page of 45 events")
	}
	for _, want := range []string{`<link rel=prev href=/types/action-en-justice/>`, `<link rel=next href=/types/action-en-justice/page/3/>`,
		`<span aria-current=page>2</span>`, `hreflang=en href=https://example.org/en/kinds/lawsuit/page/2/`} {
		if !strings.Contains(p2, want) {
			t.Errorf("facet page 2: no %s", want)
		}
	}
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(out.Files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{}
	for _, u := range sm.URLs {
		in[u.Loc] = true
	}
	for _, u := range []string{"https://example.org/types/action-en-justice/page/5/", "https://example.org/en/kinds/lawsuit/page/2/", "https://example.org/mises-a-jour/page/2/"} {
		if !in[u] {
			t.Errorf("sitemap: no %s", u)
		}
	}
	// 12 corrections: a page of 10, then one of 2.
	if log := page("mises-a-jour/page/2/index.html"); strings.Count(log, "<li><time") != 2 || !strings.Contains(page("mises-a-jour/index.html"), "id=open-cases") {
		t.Errorf("the log's second page: %d corrections", strings.Count(log, "<li><time"))
	}
	if e := page("embed/index.html"); strings.Count(e, "<li data-country") != 10 || !strings.Contains(e, "Les 10 événements les plus récents, sur 45.") {
		t.Errorf("embed: %d events", strings.Count(e, "<li data-country"))
	}
	var feed struct {
		Entries []struct {
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(out.Files["feed.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range feed.Entries {
		titles = append(titles, e.Title)
	}
	// The five corrected most recently, all on the same day: the latest
	// known of them first.
	if got := strings.Join(titles, ", "); got != "Événement 44, Événement 40, Événement 36, Événement 32, Événement 28" {
		t.Errorf("feed: %s", got)
	}
	// 45 events of one country in one year: the chart draws their count.
	if !strings.Contains(home, `<text class="count"`) || strings.Count(home, "<circle") != 2 {
		t.Errorf("home chart: %d marks, want one per chart for the country's year", strings.Count(home, "<circle"))
	}
}

// TestNoPagination: under per_page nothing is cut, and no page links to
// pages that do not exist.
func TestNoPagination(t *testing.T) {
	out := largeSite(t, 12, 100, 50)
	for p, b := range out.Files {
		if strings.Contains(p, "/page/") || strings.HasSuffix(p, ".html") && (strings.Contains(string(b), "<link rel=next") || strings.Contains(string(b), "filter-more")) {
			t.Errorf("%s: a page of a list that fits on one", p)
		}
	}
}
