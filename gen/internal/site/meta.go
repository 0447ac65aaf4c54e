package site

import "strings"

// The page's metadata for sharing: Open Graph, feeds and JSON-LD (the
// fields of pageHead, and the structured data below).

// OGLocale is the Open Graph locale of a language: fr_FR, en_GB.
func ogLocale(code string) string {
	switch code {
	case "fr":
		return "fr_FR"
	case "en":
		return "en_GB"
	}
	return code
}

// JSONLD is the page's structured data. html/template encodes it as JSON
// inside the script element: a value, never a pre-encoded string, so that
// it is not escaped twice.
func (d *pageData) JSONLD() any {
	site := map[string]any{"@type": "WebSite", "name": d.SiteTitle, "url": d.s.abs(d.Home), "inLanguage": d.L.Code}
	switch {
	case d.Event != nil:
		v := d.Event
		var cites []string
		for _, s := range v.E.Sources {
			cites = append(cites, s.URL)
		}
		ld := map[string]any{
			"@context":      "https://schema.org",
			"@type":         "Article",
			"headline":      v.Title,
			"description":   v.Summary,
			"url":           d.Canonical,
			"inLanguage":    d.TextLang,
			"datePublished": entryDate(v.E).String(),
			"about":         map[string]any{"@type": "Organization", "name": "Clearview AI"},
			"author":        map[string]any{"@type": "Organization", "name": d.SiteTitle},
			"isPartOf":      site,
			"citation":      cites,
			"keywords":      strings.Join([]string{v.Kind, v.CountryName, v.Authority.Label}, ", "),
		}
		if l := d.License(); l != "" {
			ld["license"] = "https://creativecommons.org/licenses/by/4.0/"
		}
		return ld
	case d.Layout == "home":
		return map[string]any{
			"@context": "https://schema.org",
			"@graph": []any{
				site,
				map[string]any{
					"@type":        "Dataset",
					"name":         d.SiteTitle,
					"description":  d.SiteDescription,
					"url":          d.s.abs(d.Home),
					"license":      "https://creativecommons.org/licenses/by/4.0/",
					"dateModified": d.AsOfDate(),
					"distribution": []any{
						map[string]any{"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": d.s.abs("/data/events.json")},
						map[string]any{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": d.s.abs("/data/events.csv")},
					},
				},
			},
		}
	}
	site["@context"] = "https://schema.org"
	return site
}

// FacetGroup is one dimension of the filters: its values and their pages.
type FacetGroup struct {
	Name   string // countries, authorities, kinds, years
	Key    string // the data attribute and URL parameter: country, authority, kind, year
	Values []facetValue
}

var facetKeys = map[string]string{"countries": "country", "authorities": "authority", "kinds": "kind", "years": "year"}

// FacetGroups lists the filters of the page's language.
func (d *pageData) FacetGroups() []FacetGroup {
	var out []FacetGroup
	for _, f := range d.s.facetList(d.L) {
		if len(out) == 0 || out[len(out)-1].Name != f.Dimension {
			out = append(out, FacetGroup{Name: f.Dimension, Key: facetKeys[f.Dimension]})
		}
		g := &out[len(out)-1]
		g.Values = append(g.Values, f.Value)
	}
	return out
}
