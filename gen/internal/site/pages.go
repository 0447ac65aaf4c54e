package site

import (
	"cmp"
	"slices"
	"strings"

	"timeline/gen/internal/content"
	"timeline/gen/internal/share"
)

// page is one HTML file to render: its output path, its page layout and
// what the layout gets.
type page struct {
	path     string // e.g. en/events/x/index.html
	template string // e.g. event.html
	view     *Page
	// noIndex keeps the page out of the sitemap.
	noIndex bool
	// card, when set, is the page's own share card, drawn into cardPath.
	card     *share.Card
	cardPath string
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
	out := []page{in.page(v, "embed.html", frame{layout: "embed", path: embed, title: l.word("embed_title"),
		noIndex: true, alt: func(o *Lang) string { return o.Prefix + "/embed/" }}, &Page{Events: v.list()})}
	out = append(out, in.page(v, "home.html", frame{layout: "home", path: home,
		alt:  func(o *Lang) string { return o.Prefix + "/" },
		card: v.homeCard}, &Page{
		Count: len(v.events), Chart: in.timelineChart(v), CountryYears: in.countryYears(v),
		FacetGroups: v.facetGroups(), Years: v.years(v.events)}))
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
		facts := []string{e.Date, e.Authority.Label}
		if e.Reference != "" {
			facts = append(facts, e.Reference)
		}
		out = append(out, in.page(v, "event.html", frame{layout: "event", path: e.URL, title: e.Title,
			description: e.Summary, fallback: e.Fallback, alt: func(o *Lang) string { return in.routes.url(o, id) },
			embed: "?" + l.Param("countries") + "=" + e.CountryKey, cite: id + "-" + l.Code, updated: updated,
			card: &share.Card{Site: v.siteTitle, Kicker: e.KindLabel + " · " + e.CountryName, Title: e.Title, Facts: facts, Amount: e.Amount},
		}, &Page{Event: e}))
	}
	for _, p := range in.c.Pages {
		t, tv := p.Text(l.Code), v.byKey[p.Key]
		key := p.Key
		view := &Page{Text: tv}
		tmpl := "page.html"
		if p.Layout == "figures" {
			tmpl, view.Figures = "figures.html", in.figures(v)
		}
		out = append(out, in.page(v, tmpl, frame{layout: p.Layout, path: tv.URL, title: tv.Title,
			description: typeset(in.textLang(l, t), t.Summary), fallback: t.Fallback,
			alt:  func(o *Lang) string { return in.routes.url(o, key) },
			cite: key + "-" + l.Code, updated: in.c.Site.AsOf,
			card: &share.Card{Site: v.siteTitle, Title: tv.Title},
		}, view))
	}
	for _, f := range v.facets {
		f := f
		out = append(out, in.page(v, "facet.html", frame{layout: "facet", path: f.URL, title: f.Label,
			description: l.Plural("facet_description", f.Count, "label", f.Label), embed: "?" + l.Param(f.Dimension) + "=" + f.Key,
			alt: func(o *Lang) string { return facetURL(o, f.Dimension, f.Key) }}, &Page{Facet: &f.FacetView, Years: v.years(f.events)}))
	}
	log := l.Prefix + "/" + l.Path("updates") + "/"
	out = append(out, in.page(v, "updates.html", frame{layout: "updates", path: log, title: l.word("updates_title"),
		description: l.word("updates_description"), alt: func(o *Lang) string { return o.Prefix + "/" + o.Path("updates") + "/" }},
		&Page{Updates: v.updates()}))
	notFound := l.Prefix + "/404.html"
	out = append(out, in.page(v, "404.html", frame{layout: "404", path: notFound,
		title: l.word("not_found"), noIndex: true, alt: func(o *Lang) string { return o.Prefix + "/404.html" }}, &Page{}))
	return out
}

// page is the page of language v at f.path, drawn by template with view
// p, its frame filled in.
func (in *inputs) page(v *langViews, template string, f frame, p *Page) page {
	if in.opt.NoCards {
		f.card = nil
	}
	out := page{path: file(f.path), template: template, view: in.frame(v, f, p), noIndex: f.noIndex, card: f.card}
	if strings.HasSuffix(f.path, ".html") {
		out.path = strings.TrimPrefix(f.path, "/")
	}
	if f.card != nil {
		out.cardPath = cardPath(f.path)
	}
	return out
}

// cardAlt describes a card in words, for its og:image:alt.
func cardAlt(c *share.Card) string {
	parts := []string{c.Kicker, c.Title, strings.Join(c.Facts, " · "), c.Amount}
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), " — ")
}

// cardPath is where the share card of the page at path is drawn:
// cards/evenements/x.png for /evenements/x/, cards/index.png for the home
// page of the default language, cards/en.png for the English one.
func cardPath(path string) string {
	return "cards/" + cmp.Or(strings.Trim(path, "/"), "index") + ".png"
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
	// card is the page's share card; a page without one shows its
	// language's home page's.
	card *share.Card
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
	// A page without a card of its own shows its language's home page's.
	switch {
	case in.opt.NoCards:
	case f.card != nil:
		p.Image, p.ImageAlt = in.abs("/"+cardPath(f.path)), cardAlt(f.card)
	default:
		p.Image, p.ImageAlt = in.abs("/"+cardPath(p.Home)), cardAlt(v.homeCard)
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
