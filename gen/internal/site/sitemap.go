package site

import (
	"bytes"
	"encoding/xml"
)

// sitemap lists every page of every language, each with its alternates
// (hreflang), in page order.
func (s *state) sitemap(pages []page) ([]byte, error) {
	type link struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type url struct {
		Loc   string `xml:"loc"`
		Links []link `xml:"xhtml:link"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		XHTML   string   `xml:"xmlns:xhtml,attr"`
		URLs    []url    `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, p := range pages {
		d := p.data
		if d.NoIndex {
			continue
		}
		u := url{Loc: d.Canonical}
		for _, a := range d.Alternates {
			u.Links = append(u.Links, link{Rel: "alternate", Hreflang: a.L.Code, Href: a.URL})
		}
		u.Links = append(u.Links, link{Rel: "alternate", Hreflang: "x-default", Href: d.s.abs(d.alt(s.langs[0]))})
		set.URLs = append(set.URLs, u)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	if err := enc.Encode(set); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
