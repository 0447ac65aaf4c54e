package site

import (
	"bytes"
	"encoding/xml"
)

// sitemap lists every page of every language, each with its alternates
// (hreflang), in page order. It is written by hand: encoding/xml's
// reflection took longer than any page for the same text.
func (s *state) sitemap(pages []page) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(pages) * 400)
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`)
	link := func(hreflang, href string) {
		buf.WriteString(`<xhtml:link rel="alternate" hreflang="`)
		xml.EscapeText(&buf, []byte(hreflang))
		buf.WriteString(`" href="`)
		xml.EscapeText(&buf, []byte(href))
		buf.WriteString(`"></xhtml:link>`)
	}
	for _, p := range pages {
		d := p.data
		if d.NoIndex {
			continue
		}
		buf.WriteString("<url><loc>")
		xml.EscapeText(&buf, []byte(d.Canonical))
		buf.WriteString("</loc>")
		for _, a := range d.Alternates {
			link(a.L.Code, a.URL)
		}
		link("x-default", d.s.abs(d.alt(s.langs[0])))
		buf.WriteString("</url>")
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes(), nil
}
