package site

import "encoding/xml"

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type sitemapURL struct {
	Loc   string        `xml:"loc"`
	Links []sitemapLink `xml:"xhtml:link"`
}

// sitemapView is the sitemap: every page of every language but those kept
// out of search engines, each with its alternates (hreflang) and the
// default language's as x-default, in page order.
type sitemapView struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

func newSitemap(pages []page) *sitemapView {
	set := &sitemapView{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, p := range pages {
		if p.noIndex {
			continue
		}
		u := sitemapURL{Loc: p.canonical}
		for _, a := range p.alternates {
			u.Links = append(u.Links, sitemapLink{"alternate", a.L.Code, a.URL})
		}
		u.Links = append(u.Links, sitemapLink{"alternate", "x-default", p.alternates[0].URL})
		set.URLs = append(set.URLs, u)
	}
	return set
}

func (set *sitemapView) xml() ([]byte, error) { return encodeXML(set) }
