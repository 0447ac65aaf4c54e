package site

import (
	"io/fs"
	"strings"
	"testing"
)

func realLangs(t *testing.T) map[string]*Lang {
	t.Helper()
	fsys := repoRoot()
	codes := []string{"fr", "en"}
	srcs := map[string][]byte{}
	for _, c := range codes {
		b, err := fs.ReadFile(fsys, "layouts/i18n/"+c+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		srcs["layouts/i18n/"+c+".yaml"] = b
	}
	langs, err := parseLangs(codes, srcs, "Exemple SA")
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*Lang{"fr": langs[0], "en": langs[1]}
}

// TestPlural: the count of events agrees with its number, by each
// language's rules (French: 0 and 1 are singular).
func TestPlural(t *testing.T) {
	l := realLangs(t)
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"fr", 0, "0\u00a0événement"},
		{"fr", 1, "1\u00a0événement"},
		{"fr", 2, "2\u00a0événements"},
		{"fr", 37, "37\u00a0événements"},
		{"fr", 1000, "1\u00a0000\u00a0événements"},
		{"en", 0, "0\u00a0events"},
		{"en", 1, "1\u00a0event"},
		{"en", 2, "2\u00a0events"},
		{"en", 1000, "1,000\u00a0events"},
	} {
		if got := l[c.lang].Plural("events", c.n); got != c.want {
			t.Errorf("%s Plural(events, %d) = %q; want %q", c.lang, c.n, got, c.want)
		}
	}
}

// TestFacetCounts: a facet page with one event says so in the singular,
// and its description counts its events.
func TestFacetCounts(t *testing.T) {
	out := realSite(t, repoRoot())
	for p, want := range map[string]string{
		"autorites/abkb/index.html":       "<p class=count>1\u00a0événement</p>",
		"en/authorities/abkb/index.html":  "<p class=count>1\u00a0event</p>",
		"autorites/cnil/index.html":       "<p class=count>3\u00a0événements</p>",
		"en/authorities/cnil/index.html":  "<p class=count>3\u00a0events</p>",
		"pays/gb/index.html":              "<meta name=description content=\"Royaume-Uni\u00a0: 5\u00a0événements de la chronologie",
		"en/authorities/abkb/index.html#": "<meta name=description content=\"Court of King’s Bench of Alberta: 1\u00a0event in the timeline",
	} {
		p, _, _ = strings.Cut(p, "#")
		if !strings.Contains(string(out.Files[p]), want) {
			t.Errorf("%s: no %q", p, want)
		}
	}
}

// TestStatusAgrees: every kind × status pair the content uses shows a
// status that agrees with the kind's name, in French « Recours … retiré »,
// « Avis d'intention … remplacé », « Classement … clos ». A pair the
// content uses and this table lacks fails, so that its words are read.
func TestStatusAgrees(t *testing.T) {
	want := map[string]map[string]string{ // kind/status → language → word
		"appeal/closed":         {"fr": "clos", "en": "closed"},
		"appeal/withdrawn":      {"fr": "retiré", "en": "withdrawn"},
		"appeal/pending":        {"fr": "en attente", "en": "pending"},
		"closure/closed":        {"fr": "clos", "en": "closed"},
		"complaint/pending":     {"fr": "en attente", "en": "pending"},
		"decision/appealed":     {"fr": "contestée", "en": "under appeal"},
		"decision/in-force":     {"fr": "en vigueur", "en": "in force"},
		"findings/closed":       {"fr": "closes", "en": "closed"},
		"fine/appealed":         {"fr": "contestée", "en": "under appeal"},
		"fine/final":            {"fr": "définitive", "en": "final"},
		"fine/in-force":         {"fr": "en vigueur", "en": "in force"},
		"intent/superseded":     {"fr": "remplacé", "en": "superseded"},
		"lawsuit/closed":        {"fr": "close", "en": "closed"},
		"lawsuit/dismissed":     {"fr": "rejetée", "en": "dismissed"},
		"lawsuit/pending":       {"fr": "en attente", "en": "pending"},
		"notice/closed":         {"fr": "close", "en": "closed"},
		"notice/superseded":     {"fr": "remplacée", "en": "superseded"},
		"order/appealed":        {"fr": "contestée", "en": "under appeal"},
		"order/closed":          {"fr": "close", "en": "closed"},
		"order/in-force":        {"fr": "en vigueur", "en": "in force"},
		"penalty/in-force":      {"fr": "en vigueur", "en": "in force"},
		"ruling/closed":         {"fr": "close", "en": "closed"},
		"ruling/final":          {"fr": "définitive", "en": "final"},
		"ruling/in-force":       {"fr": "en vigueur", "en": "in force"},
		"ruling/pending":        {"fr": "en attente", "en": "pending"},
		"ruling/quashed":        {"fr": "annulée", "en": "quashed"},
		"ruling/superseded":     {"fr": "remplacée", "en": "superseded"},
		"settlement/appealed":   {"fr": "contestée", "en": "under appeal"},
		"settlement/in-force":   {"fr": "en vigueur", "en": "in force"},
		"settlement/superseded": {"fr": "remplacée", "en": "superseded"},
	}
	langs := realLangs(t)
	for _, e := range realContent(t).Events {
		pair := e.Kind + "/" + e.Status
		w, ok := want[pair]
		if !ok {
			t.Errorf("%s: the pair %s is not in this test: add the words it must show", e.ID, pair)
			continue
		}
		for code, word := range w {
			if got := langs[code].Status(e.Kind, e.Status); got != word {
				t.Errorf("%s (%s): %s shows %q, want %q", e.ID, code, pair, got, word)
			}
		}
	}
}
