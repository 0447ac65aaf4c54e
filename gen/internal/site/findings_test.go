package site

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// findingsSite builds testdata/build/findings.txtar: three decisions with
// known findings and orders, and a ruling on jurisdiction only.
func findingsSite(t *testing.T) *Output {
	t.Helper()
	data, err := os.ReadFile("testdata/build/findings.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := archiveFS(txtar.Parse(data))
	for p, f := range repoFS(t) {
		fsys[p] = f
	}
	for p := range fsys {
		if strings.HasPrefix(p, "want/") {
			delete(fsys, p)
		}
	}
	out, _, err := BuildAll(fsys, Options{NoCards: true})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestComparisonSummary: the sentence at the top of the comparison page
// counts the decisions of the three most cited articles, and the orders
// by what is known of their execution.
func TestComparisonSummary(t *testing.T) {
	out := findingsSite(t)
	for p, want := range map[string]string{
		"manquements/index.html": "Les dispositions dont la violation a été le plus souvent constatée\u00a0: art. 6 RGPD (2\u00a0décisions), APP 3 (1\u00a0décision) et art. 5 RGPD (1\u00a0décision). " +
			"Sur 4\u00a0mesures ordonnées par ces décisions, exécution établie\u00a0: 1\u202f; inexécution établie\u00a0: 1\u202f; sans information\u00a0: 2.",
		"en/findings/index.html": "The provisions most often found breached: GDPR Art. 6 (2\u00a0decisions), APP 3 (1\u00a0decision) and GDPR Art. 5 (1\u00a0decision). " +
			"Of the 4\u00a0orders these decisions gave, complied with: 1; not complied with: 1; not known: 2.",
	} {
		if page := string(out.Files[p]); !strings.Contains(page, want) {
			t.Errorf("%s: no %q", p, want)
		}
	}
	// The ruling on jurisdiction is listed apart, with its reason.
	if page := string(out.Files["manquements/index.html"]); !strings.Contains(page, "Décision de justice — CNIL") || !strings.Contains(page, "non sur des manquements") {
		t.Error("the ruling without findings is not listed with its reason")
	}
}

// TestProvisionFacets: each article found breached has a page in each
// language, listing the decisions that found it or one of its parts, its
// language switch leading to the same article, and its own feed.
func TestProvisionFacets(t *testing.T) {
	out := findingsSite(t)
	events := regexp.MustCompile(`<li class="event[^"]*"[^>]* data-provision=(?:"([^"]*)"|([^ >]*))`)
	for p, want := range map[string]int{
		"articles/rgpd-6/index.html": 2, "articles/rgpd-5/index.html": 1, "articles/rgpd-27/index.html": 1, "articles/app-3/index.html": 1,
		"en/provisions/gdpr-6/index.html": 2, "en/provisions/app-3/index.html": 1,
	} {
		page := string(out.Files[p])
		found := events.FindAllStringSubmatch(page, -1)
		if len(found) != want {
			t.Errorf("%s: %d events, want %d", p, len(found), want)
		}
		slug := strings.Split(p, "/")[len(strings.Split(p, "/"))-2]
		for _, m := range found {
			if !slices.Contains(strings.Fields(m[1]+m[2]), slug) {
				t.Errorf("%s: an event whose articles are %q", p, m[1]+m[2])
			}
		}
		dir := strings.TrimSuffix(p, "index.html")
		if !strings.Contains(page, `<link rel=alternate type=application/atom+xml href=/`+dir+`feed.xml`) {
			t.Errorf("%s: no link to its feed", p)
		}
		var feed struct {
			Entries []struct {
				ID string `xml:"id"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(out.Files[dir+"feed.xml"], &feed); err != nil || len(feed.Entries) != want {
			t.Errorf("%sfeed.xml: %d entries (%v), want %d", dir, len(feed.Entries), err, want)
		}
	}
	if page := string(out.Files["articles/rgpd-5/index.html"]); !strings.Contains(page, `hreflang=en href=https://example.org/en/provisions/gdpr-5/`) {
		t.Error("articles/rgpd-5: the language switch does not lead to /en/provisions/gdpr-5/")
	}
	for _, p := range []string{"articles/rgpd-9/index.html", "articles/rgpd-5-1-a/index.html"} {
		if _, ok := out.Files[p]; ok {
			t.Errorf("%s: a page for an article no decision found, or for a part of an article", p)
		}
	}
}

// TestFindingsOpenData: the JSON gives findings and orders as structures,
// the CSV one column per field with the keys joined by ";".
func TestFindingsOpenData(t *testing.T) {
	out := findingsSite(t)
	var data struct {
		Events []struct {
			ID             string `json:"id"`
			FindingsSource string `json:"findings_source"`
			NoFindings     string `json:"no_findings"`
			Findings       []struct {
				Provision string            `json:"provision"`
				How       map[string]string `json:"how"`
			} `json:"findings"`
			Orders []struct {
				Order      string            `json:"order"`
				Text       map[string]string `json:"text"`
				Deadline   string            `json:"deadline"`
				Compliance *struct {
					Status, Date, Source string
				} `json:"compliance"`
			} `json:"orders"`
		} `json:"events"`
	}
	if err := json.Unmarshal(out.Files["data/events.json"], &data); err != nil {
		t.Fatal(err)
	}
	byID := map[string]int{}
	for i, e := range data.Events {
		byID[e.ID] = i
	}
	g := data.Events[byID["2022-02-10-garante"]]
	if len(g.Findings) != 4 || g.Findings[3].Provision != "gdpr:27" || g.Findings[3].How["en"] != "No representative in the Union." || g.FindingsSource != "secondary" {
		t.Errorf("Garante's findings in the JSON: %+v (%s)", g.Findings, g.FindingsSource)
	}
	if len(g.Orders) != 2 || g.Orders[1].Order != "other" || g.Orders[1].Text["fr"] != "Payer l'amende." ||
		g.Orders[1].Compliance == nil || g.Orders[1].Compliance.Status != "not-complied" || g.Orders[1].Compliance.Date != "2022-10-17" {
		t.Errorf("Garante's orders in the JSON: %+v", g.Orders)
	}
	if c := data.Events[byID["2022-10-17-cnil-sanction"]]; c.FindingsSource != "decision-text" || c.Orders[0].Deadline != "2022-12-18" {
		t.Errorf("the CNIL's findings source %q (from its confirmation), deadline %q", c.FindingsSource, c.Orders[0].Deadline)
	}
	if r := data.Events[byID["2023-01-01-cnil-cour"]]; r.NoFindings != "procedure" || r.Findings != nil {
		t.Errorf("the ruling: no_findings %q, findings %v", r.NoFindings, r.Findings)
	}
	csv := string(out.Files["data/events.csv"])
	for _, want := range []string{
		",gdpr:5(1)(a);gdpr:5(1)(e);gdpr:6;gdpr:27,secondary,appoint-representative;other,;,unknown;not-complied,,",
		",app:3.3,decision-text,stop-collecting,2022-01,unknown,,",
		",,,,,,procedure,",
	} {
		if !strings.Contains(csv, want) {
			t.Errorf("events.csv: no %q", want)
		}
	}
}
