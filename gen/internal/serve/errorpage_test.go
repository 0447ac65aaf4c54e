package serve

import (
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"timeline/gen/internal/content"
)

// TestErrorPage: the page is in the editor's language, shows the lines
// around each problem, and links each one to a heading of the guide
// that exists.
func TestErrorPage(t *testing.T) {
	guide, err := os.ReadFile("../../../docs/editing.md")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"docs/editing.md":        {Data: guide},
		"content/events/x.md":    {Data: []byte("---\ndate: 2022-10-17\namount: {value: 2,5 millions, currency: SEK}\nkind: fine\n---\n")},
		"content/data/site.yaml": {Data: []byte("languages: [fr, en]\n")},
	}
	s := New(fsys, "http://127.0.0.1:1313", func(string, ...any) {})
	diags := content.Diagnostics{{Path: "content/events/x.md", Line: 3, Col: 17, Field: "amount.value",
		Problem: `a comma split the number: 2,5 millions reads as 2 and a field "5 millions"`, Expected: "the whole number in plain digits, e.g. 2500000 for 2,5 millions"}}
	for lang, want := range map[string][]string{
		"fr-FR,fr;q=0.9": {`lang="fr"`, "La compilation a échoué", "attendu\u00a0: the whole number", "comment corriger"},
		"en-GB,en;q=0.9": {`lang="en"`, "Build failed", "expected: the whole number", "how to fix it"},
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Accept-Language", lang)
		rec := httptest.NewRecorder()
		s.errorPage(rec, req, diags, diags)
		page := rec.Body.String()
		for _, w := range append(want, `<mark>   3 │ amount: {value: 2,5 millions, currency: SEK}</mark>`, "     │                 ^", `   2 │ date: 2022-10-17`, `href="/_gen/guide/#amount-penaltyrate-penaltytotal-penaltycap"`) {
			if !strings.Contains(page, w) {
				t.Errorf("%s: no %q in\n%s", lang, w, page)
			}
		}
	}
	// Every field's link leads to a heading of the guide.
	rec := httptest.NewRecorder()
	s.guide(rec)
	rendered := rec.Body.String()
	fields := []string{"", "date", "sources[2].url", "related[1]", "updates[1].text.fr", "penalty.rate.value", "amount.currency", "caveats[1]"}
	for _, f := range content.EventSchema {
		fields = append(fields, f.Name)
	}
	for _, f := range fields {
		if a := guideAnchor(f); !strings.Contains(rendered, `id="`+a+`"`) {
			t.Errorf("field %q links to #%s, which the guide does not have", f, a)
		}
	}
}
