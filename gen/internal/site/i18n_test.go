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
