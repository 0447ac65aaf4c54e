package site

import (
	"cmp"
	"strings"

	"timeline/gen/internal/content"
)

// page is one HTML file to render: its output path, its page layout and
// what the layout gets.
type page struct {
	path     string // e.g. en/events/x/index.html
	template string // e.g. event.html
	view     *Page
	// noIndex keeps the page out of the sitemap.
	noIndex bool
}

// file is the output file of a page URL.
func file(url string) string { return strings.TrimPrefix(url, "/") + "index.html" }

// pages lists every HTML page of language v, each with its complete view:
// the timeline, the events, the explainer pages, the facets and the 404
// page, in that order (the sitemap's).
func (in *inputs) pages(v *langViews) []page {
	l := v.l
	home := l.Prefix + "/"
	embed := l.Prefix + "/embed/"
	out := []page{{file(embed), "embed.html", in.frame(v, frame{layout: "embed", path: embed, title: l.word("embed_title"),
		noIndex: true, alt: func(o *Lang) string { return o.Prefix + "/embed/" }}, &Page{Events: v.list()}), true}}
	out = append(out, page{file(home), "home.html", in.frame(v, frame{layout: "home", path: home,
		alt: func(o *Lang) string { return o.Prefix + "/" }}, &Page{
		Count: len(v.events), Chart: in.timelineChart(v), CountryYears: in.countryYears(v),
		FacetGroups: v.facetGroups(), Years: v.years(v.events)}), false})
	for _, e := range v.events {
		id := e.ID
		updated := in.c.Site.AsOf
		if ce := in.byID[id]; len(ce.Updates) > 0 || !ce.Checked.IsZero() {
			updated = ce.Checked
			for _, u := range ce.Updates {
				if u.Date.Compare(updated) > 0 {
					updated = u.Date
				}
			}
		}
		out = append(out, page{file(e.URL), "event.html", in.frame(v, frame{layout: "event", path: e.URL, title: e.Title,
			description: e.Summary, fallback: e.Fallback, alt: func(o *Lang) string { return in.routes.url(o, id) },
			embed: "?" + l.Param("countries") + "=" + e.CountryKey, cite: id + "-" + l.Code, updated: updated}, &Page{Event: e}), false})
	}
	for _, p := range in.c.Pages {
		t, tv := p.Text(l.Code), v.byKey[p.Key]
		key := p.Key
		view := &Page{Text: tv}
		tmpl := "page.html"
		if p.Layout == "figures" {
			tmpl, view.Figures = "figures.html", in.figures(v)
		}
		out = append(out, page{file(tv.URL), tmpl, in.frame(v, frame{layout: p.Layout, path: tv.URL, title: tv.Title,
			description: typeset(in.textLang(l, t), t.Summary), fallback: t.Fallback,
			alt:  func(o *Lang) string { return in.routes.url(o, key) },
			cite: key + "-" + l.Code, updated: in.c.Site.AsOf}, view), false})
	}
	for _, f := range v.facets {
		f := f
		out = append(out, page{file(f.URL), "facet.html", in.frame(v, frame{layout: "facet", path: f.URL, title: f.Label,
			description: l.Plural("facet_description", f.Count, "label", f.Label), embed: "?" + l.Param(f.Dimension) + "=" + f.Key,
			alt: func(o *Lang) string { return facetURL(o, f.Dimension, f.Key) }}, &Page{Facet: &f.FacetView, Years: v.years(f.events)}), false})
	}
	log := l.Prefix + "/" + l.Path("updates") + "/"
	out = append(out, page{file(log), "updates.html", in.frame(v, frame{layout: "updates", path: log, title: l.word("updates_title"),
		description: l.word("updates_description"), alt: func(o *Lang) string { return o.Prefix + "/" + o.Path("updates") + "/" }},
		&Page{Updates: v.updates()}), false})
	notFound := l.Prefix + "/404.html"
	out = append(out, page{strings.TrimPrefix(notFound, "/"), "404.html", in.frame(v, frame{layout: "404", path: notFound,
		title: l.word("not_found"), noIndex: true, alt: func(o *Lang) string { return o.Prefix + "/404.html" }}, &Page{}), true})
	return out
}

// frame is what the page frame of a page depends on.
type frame struct {
	layout, path, title, description string
	fallback, noIndex                bool
	// embed is the query of the page's embed snippet (a facet's filter);
	// cite, when set, is the key of the page's citation, of the text last
	// updated on updated.
	embed, cite string
	updated     content.Date
	// alt gives the path of the same page in another language.
	alt func(o *Lang) string
}

// frame fills in the page frame of p, a page of language v, and returns p.
func (in *inputs) frame(v *langViews, f frame, p *Page) *Page {
	l := v.l
	p.L, p.Layout, p.Path, p.Title = l, f.layout, f.path, f.title
	p.SiteTitle = v.siteTitle
	p.Description = cmp.Or(f.description, v.siteDescription)
	p.Canonical = in.abs(f.path)
	p.Home = l.Prefix + "/"
	p.OGType = "website"
	if p.Event != nil {
		p.OGType = "article"
	}
	if in.opt.Preview || f.noIndex {
		p.Robots = "noindex"
	}
	p.Preview, p.Script = in.opt.Preview, in.opt.Script
	for _, o := range in.langs {
		path := f.alt(o)
		a := Alternate{L: o, Path: path, URL: in.abs(path)}
		p.Alternates = append(p.Alternates, a)
		if o != l {
			p.Others = append(p.Others, a)
		}
	}
	site := in.c.Site
	p.AsOf, p.AsOfDate = l.Date(site.AsOf), site.AsOf.String()
	p.UpdatesURL = l.Prefix + "/" + l.Path("updates") + "/"
	p.Head, p.Footer = v.head, v.footer
	if p.Nav = v.nav[f.path]; p.Nav == "" {
		p.Nav = v.nav[""]
	}
	p.TextLang, p.Fallback = l.Code, f.fallback
	if f.fallback {
		p.TextLang = in.langs[0].Code
	}
	p.JSONLD = in.jsonLD(p)
	if f.layout != "embed" {
		p.Embed = in.embedSnippet(l, v.siteTitle, f.embed)
	}
	if f.cite != "" {
		p.Cite = cite(l, v.siteTitle, f.title, p.Canonical, f.cite, f.updated)
	}
	return p
}

// entryDate is when an event became known: its publication day, else its
// decision day.
func entryDate(e *content.Event) content.Date {
	if !e.Published.IsZero() {
		return e.Published
	}
	return e.Date
}
