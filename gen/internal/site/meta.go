package site

import (
	"cmp"
	"encoding/json"
	"html/template"
	"strings"
)

// ogLocales are the Open Graph locales of the languages that have one.
var ogLocales = map[string]string{"fr": "fr_FR", "en": "en_GB"}

// ogLocale is the Open Graph locale of a language: fr_FR, en_GB.
func ogLocale(code string) string { return cmp.Or(ogLocales[code], code) }

// ld is a schema.org object; encoding/json writes its keys sorted.
type ld = map[string]any

// jsonLD is the page's structured data, encoded once as JSON.
// encoding/json escapes <, > and & (and U+2028, U+2029), so the text is
// safe inside the script element, and html/template writes a template.JS
// as it is.
func (in *inputs) jsonLD(p *Page) template.JS {
	const schemaOrg, ccBy = "https://schema.org", "https://creativecommons.org/licenses/by/4.0/"
	site := ld{"@type": "WebSite", "inLanguage": p.L.Code, "name": p.SiteTitle, "url": in.abs(p.Home)}
	var v ld
	switch {
	case p.Event != nil:
		e := p.Event
		var cites []string
		for _, s := range e.Sources {
			cites = append(cites, s.URL)
		}
		v = ld{"@context": schemaOrg, "@type": "Article", "about": ld{"@type": "Organization", "name": in.c.Site.Subject},
			"author": ld{"@type": "Organization", "name": p.SiteTitle}, "citation": cites,
			"datePublished": entryDate(in.byID[e.ID]).String(), "description": e.Summary, "headline": e.Title,
			"inLanguage": p.TextLang, "isPartOf": site, "url": p.Canonical,
			"keywords": strings.Join([]string{e.KindLabel, e.CountryName, e.Authority.Label}, ", ")}
		if in.c.Site.License[p.L.Code] != "" {
			v["license"] = ccBy
		}
	case p.Layout == "home":
		download := func(path, format string) ld {
			return ld{"@type": "DataDownload", "contentUrl": in.abs(path), "encodingFormat": format}
		}
		v = ld{"@context": schemaOrg, "@graph": []ld{site, {"@type": "Dataset", "dateModified": p.AsOfDate,
			"description": p.Description, "license": ccBy, "name": p.SiteTitle, "url": in.abs(p.Home),
			"distribution": []ld{download("/data/events.json", "application/json"), download("/data/events.csv", "text/csv")}}}}
	default:
		site["@context"] = schemaOrg
		v = site
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // strings, slices and maps always encode
	}
	return template.JS(b)
}
