package site

import (
	"encoding/json"
	"html/template"
	"strings"
)

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

// JSONLD is the page's structured data, encoded once as JSON: structs
// whose fields are in the order of their names, so the bytes are those of
// the same data as sorted maps. encoding/json escapes <, > and & (and
// U+2028, U+2029), so the text is safe inside the script element, and
// html/template writes a template.JS as it is.
func (d *pageData) JSONLD() (template.JS, error) {
	site := ldSite{Type: "WebSite", InLanguage: d.L.Code, Name: d.SiteTitle, URL: d.s.abs(d.Home)}
	var v any
	switch {
	case d.Event != nil:
		e := d.Event
		var cites []string
		for _, s := range e.E.Sources {
			cites = append(cites, s.URL)
		}
		a := ldArticle{
			Context:       schemaOrg,
			Type:          "Article",
			About:         ldOrg{Type: "Organization", Name: "Clearview AI"},
			Author:        ldOrg{Type: "Organization", Name: d.SiteTitle},
			Citation:      cites,
			DatePublished: entryDate(e.E).String(),
			Description:   e.Summary,
			Headline:      e.Title,
			InLanguage:    d.TextLang,
			IsPartOf:      site,
			Keywords:      strings.Join([]string{e.Kind, e.CountryName, e.Authority.Label}, ", "),
			URL:           d.Canonical,
		}
		if d.License() != "" {
			a.License = ccBy
		}
		v = a
	case d.Layout == "home":
		v = ldGraph{Context: schemaOrg, Graph: []any{site, ldDataset{
			Type:         "Dataset",
			DateModified: d.AsOfDate(),
			Description:  d.SiteDescription,
			Distribution: []ldDownload{
				{Type: "DataDownload", ContentURL: d.s.abs("/data/events.json"), EncodingFormat: "application/json"},
				{Type: "DataDownload", ContentURL: d.s.abs("/data/events.csv"), EncodingFormat: "text/csv"},
			},
			License: ccBy,
			Name:    d.SiteTitle,
			URL:     d.s.abs(d.Home),
		}}}
	default:
		site.Context = schemaOrg
		v = site
	}
	b, err := json.Marshal(v)
	return template.JS(b), err
}

const (
	schemaOrg = "https://schema.org"
	ccBy      = "https://creativecommons.org/licenses/by/4.0/"
)

// The schema.org types of JSONLD; each struct's fields are in the order of
// their JSON names.
type (
	ldOrg struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	ldSite struct {
		Context    string `json:"@context,omitempty"`
		Type       string `json:"@type"`
		InLanguage string `json:"inLanguage"`
		Name       string `json:"name"`
		URL        string `json:"url"`
	}
	ldArticle struct {
		Context       string   `json:"@context"`
		Type          string   `json:"@type"`
		About         ldOrg    `json:"about"`
		Author        ldOrg    `json:"author"`
		Citation      []string `json:"citation"`
		DatePublished string   `json:"datePublished"`
		Description   string   `json:"description"`
		Headline      string   `json:"headline"`
		InLanguage    string   `json:"inLanguage"`
		IsPartOf      ldSite   `json:"isPartOf"`
		Keywords      string   `json:"keywords"`
		License       string   `json:"license,omitempty"`
		URL           string   `json:"url"`
	}
	ldGraph struct {
		Context string `json:"@context"`
		Graph   []any  `json:"@graph"`
	}
	ldDataset struct {
		Type         string       `json:"@type"`
		DateModified string       `json:"dateModified"`
		Description  string       `json:"description"`
		Distribution []ldDownload `json:"distribution"`
		License      string       `json:"license"`
		Name         string       `json:"name"`
		URL          string       `json:"url"`
	}
	ldDownload struct {
		Type           string `json:"@type"`
		ContentURL     string `json:"contentUrl"`
		EncodingFormat string `json:"encodingFormat"`
	}
)

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
