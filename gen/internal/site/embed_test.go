package site

import (
	"strings"
	"testing"
)

// TestEmbed checks the timeline to embed in each language: every
// published event listed once with the facets the page's script filters
// by, kept out of search engines and of the sitemap; and every page's
// snippet frames the timeline of its language, filtered as the page is,
// with a script that trusts only this site's messages.
func TestEmbed(t *testing.T) {
	out := realSite(t, repoRoot())
	c := realContent(t)
	published := 0
	for _, e := range c.Events {
		if !e.Draft {
			published++
		}
	}
	sitemap := string(out.Files["sitemap.xml"])
	for _, lang := range []struct{ embed, param, facet, event string }{
		{"embed/index.html", `data-countries=pays`, "pays/fr/index.html", "evenements/2022-10-17-cnil-sanction/index.html"},
		{"en/embed/index.html", `data-countries=country`, "en/countries/fr/index.html", "en/events/2022-10-17-cnil-sanction/index.html"},
	} {
		page := string(out.Files[lang.embed])
		if page == "" {
			t.Fatalf("no %s", lang.embed)
		}
		if n := strings.Count(page, "<li data-country="); n != published {
			t.Errorf("%s lists %d events, want %d", lang.embed, n, published)
		}
		if !strings.Contains(page, `name=robots content="noindex"`) || !strings.Contains(page, lang.param) {
			t.Errorf("%s: not noindex, or not filtered by %s", lang.embed, lang.param)
		}
		if strings.Contains(sitemap, "/"+strings.TrimSuffix(lang.embed, "index.html")+"<") {
			t.Errorf("%s is in the sitemap", lang.embed)
		}
		prefix := strings.TrimSuffix(lang.embed, "embed/index.html")
		for page, query := range map[string]string{lang.facet: "fr", lang.event: "fr", prefix + "index.html": ""} {
			src := "https://clearview-sanctions.netlify.app/" + prefix + "embed/"
			if query != "" {
				src += "?" + strings.TrimPrefix(lang.param, "data-countries=") + "=" + query
			}
			html := string(out.Files[page])
			if !strings.Contains(html, `&lt;iframe src=&#34;`+src+`&#34;`) {
				t.Errorf("%s: no snippet framing %s", page, src)
			}
			if !strings.Contains(html, `e.origin===&#34;https://clearview-sanctions.netlify.app&#34;`) {
				t.Errorf("%s: the snippet's script does not check the message's origin", page)
			}
		}
	}
	if strings.Contains(string(out.Files["embed/index.html"]), "embed-code") {
		t.Error("the embedded timeline offers its own embed code")
	}
}
