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

// jsonLD is the page's structured data, encoded once as JSON: structs
// whose fields are in the order of their names, so the bytes are those of
// the same data as sorted maps. encoding/json escapes <, > and & (and
// U+2028, U+2029), so the text is safe inside the script element, and
// html/template writes a template.JS as it is.
func (in *inputs) jsonLD(p *Page) template.JS {
	site := ldSite{Type: "WebSite", InLanguage: p.L.Code, Name: p.SiteTitle, URL: in.abs(p.Home)}
	var v any
	switch {
	case p.Event != nil:
		e := p.Event
		var about *ldOrg
		if s := in.c.Site.Subject; s != "" {
			about = &ldOrg{Type: "Organization", Name: s}
		}
		var cites []string
		for _, s := range e.Sources {
			cites = append(cites, s.URL)
		}
		a := ldArticle{
			Context:       schemaOrg,
			Type:          "Article",
			About:         about,
			Author:        ldOrg{Type: "Organization", Name: p.SiteTitle},
			Citation:      cites,
			DatePublished: entryDate(in.byID[e.ID]).String(),
			Description:   e.Summary,
			Headline:      e.Title,
			InLanguage:    p.TextLang,
			IsPartOf:      site,
			Keywords:      strings.Join([]string{e.KindLabel, e.CountryName, e.Authority.Label}, ", "),
			URL:           p.Canonical,
		}
		if in.c.Site.License[p.L.Code] != "" {
			a.License = ccBy
		}
		v = a
	case p.Layout == "home":
		v = ldGraph{Context: schemaOrg, Graph: []any{site, ldDataset{
			Type:         "Dataset",
			DateModified: p.AsOfDate,
			Description:  p.Description,
			Distribution: []ldDownload{
				{Type: "DataDownload", ContentURL: in.abs("/data/events.json"), EncodingFormat: "application/json"},
				{Type: "DataDownload", ContentURL: in.abs("/data/events.csv"), EncodingFormat: "text/csv"},
			},
			License: ccBy,
			Name:    p.SiteTitle,
			URL:     in.abs(p.Home),
		}}}
	default:
		site.Context = schemaOrg
		v = site
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // plain strings and slices always encode
	}
	return template.JS(b)
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
		About         *ldOrg   `json:"about,omitempty"`
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
