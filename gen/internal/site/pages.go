package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"timeline/gen/internal/content"
	"timeline/gen/internal/memo"
	"timeline/gen/internal/share"
)

// page is one HTML file to render: its output path, its page layout,
// where it is in every language (the sitemap's), and how to make its view.
type page struct {
	path     string // e.g. en/events/x/index.html
	template string // e.g. event.html
	// noIndex keeps the page out of the sitemap.
	noIndex    bool
	canonical  string
	alternates []Alternate
	// view makes what the layout gets, and the page's own share card
	// (nil when it shows its language's home card, or none): views are
	// made as the pages are rendered, so that a large site's are never
	// all held at once.
	view func() (*Page, *drawnCard, error)
}

// file is the output file of a page URL: its index.html, or the file it
// names (404.html).
func file(url string) string {
	if strings.HasSuffix(url, ".html") {
		return strings.TrimPrefix(url, "/")
	}
	return strings.TrimPrefix(url, "/") + "index.html"
}

// pages lists every HTML page of language v, each with its complete view
// and its share card: the timeline, the events, the explainer pages, the
// facets and the 404 page, in that order (the sitemap's).
func (in *inputs) pages(v *langViews) ([]page, error) {
	l := v.l
	var out []page
	// The pages without a card of their own show the home page's.
	var home *drawnCard
	var err error
	if !in.opt.NoCards {
		if home, err = in.draw(v.homeCard); err != nil {
			return nil, fmt.Errorf("%s: the share card: %w", l.Prefix+"/", err)
		}
	}
	add := func(template string, f frame, view func() *Page) {
		out = append(out, in.page(template, f, view, v, home))
	}
	per := in.c.Site.PerPage
	add("embed.html", frame{layout: "embed", title: l.word("embed_title"),
		noIndex: true, alt: func(o *Lang) string { return o.Prefix + "/embed/" }}, func() *Page {
		events := latestOf(v.list, per)
		return &Page{Events: events, Pager: &Pager{Shown: len(events), Total: len(v.events)}}
	})
	// The timeline shows the latest events; the others are on the years'
	// pages.
	add("home.html", frame{layout: "home", alt: func(o *Lang) string { return o.Prefix + "/" }, card: v.homeCard}, func() *Page {
		recent := latestOf(v.events, per)
		timeline := &Page{Count: len(v.events), FacetGroups: v.filters, Years: v.years(recent)}
		if len(recent) < len(v.events) {
			timeline.Pager = &Pager{Next: facetURL(l, "years", strconv.Itoa(v.events[len(v.events)-len(recent)-1].Year)),
				Shown: len(recent), Total: len(v.events)}
			for _, f := range v.facets {
				if f.Dimension == "years" {
					timeline.Pager.Years = append(timeline.Pager.Years, PageLink{Label: f.Label, URL: f.URL})
				}
			}
		}
		timeline.Chart, timeline.CountryYears = in.countryYears(v)
		return timeline
	})
	for _, e := range v.events {
		updated := in.c.Site.AsOf
		if ce := in.byID[e.ID]; len(ce.Updates) > 0 || !ce.Checked.IsZero() {
			updated = latest(ce.Checked, ce.Updates)
		}
		facts := []string{e.Date, e.Authority.Label}
		if e.Reference != "" {
			facts = append(facts, e.Reference)
		}
		add("event.html", frame{layout: "event", title: e.Title,
			description: e.Summary, fallback: e.Fallback, alt: func(o *Lang) string { return in.routes.url(o, e.ID) },
			embed: "?" + l.Param("countries") + "=" + e.CountryKey, cite: e.ID + "-" + l.Code, updated: updated,
			card: &share.Card{Site: v.siteTitle, Kicker: e.KindLabel + " · " + e.CountryName, Title: e.Title, Facts: facts, Amount: e.Amount},
		}, func() *Page { return &Page{Event: e} })
	}
	for _, p := range in.c.Pages {
		t, tv := p.Text(l.Code), v.byKey[p.Key]
		tmpl := map[string]string{"figures": "figures.html", "comparison": "comparison.html"}[p.Layout]
		add(cmp.Or(tmpl, "page.html"), frame{layout: p.Layout, title: tv.Title,
			description: typeset(in.textLang(l, t), t.Summary), fallback: t.Fallback,
			alt:  func(o *Lang) string { return in.routes.url(o, p.Key) },
			cite: p.Key + "-" + l.Code, updated: in.c.Site.AsOf,
			card: &share.Card{Site: v.siteTitle, Title: tv.Title},
		}, func() *Page {
			view := &Page{Text: tv}
			switch p.Layout {
			case "figures":
				view.Figures = in.figures(v)
			case "comparison":
				view.Comparison = in.comparison(v)
			}
			return view
		})
	}
	for _, f := range v.facets {
		alt := func(o *Lang) string {
			if f.Provision != "" { // a provision's key is its name in each language
				return in.provisionView(o, f.Provision).FacetURL
			}
			return facetURL(o, f.Dimension, f.Key)
		}
		chunks := pagesOf(f.events, per, true)
		for k, events := range chunks {
			title := f.Label
			if k > 0 {
				title = l.Tf("page_title", "title", f.Label, "n", l.Number(k+1))
			}
			add("facet.html", frame{layout: "facet", title: title,
				description: l.Plural("facet_description", f.Count, "label", f.Label), embed: "?" + l.Param(f.Dimension) + "=" + f.Key,
				alt: func(o *Lang) string { return pagePath(o, alt(o), k) }},
				func() *Page {
					return &Page{Facet: &f.FacetView, Years: v.years(events), Feed: f.URL + "feed.xml", Pager: pager(l, f.URL, k, len(chunks), len(events), f.Count)}
				})
		}
	}
	updates := v.updates()
	chunks := pagesOf(updates, per, false)
	for k, list := range chunks {
		title := l.word("updates_title")
		if k > 0 {
			title = l.Tf("page_title", "title", title, "n", l.Number(k+1))
		}
		add("updates.html", frame{layout: "updates", title: title, description: l.word("updates_description"),
			alt: func(o *Lang) string { return pagePath(o, o.Prefix+"/"+o.Path("updates")+"/", k) }}, func() *Page {
			view := &Page{Updates: list, Pager: pager(l, l.Prefix+"/"+l.Path("updates")+"/", k, len(chunks), len(list), len(updates))}
			if k == 0 {
				open := in.openCases(v)
				view.Open = &OpenCases{Events: open[:min(len(open), per)], More: max(0, len(open)-per)}
			}
			return view
		})
	}
	search, _ := in.theme.assets.URL("js/search.js")
	add("search.html", frame{layout: "search", title: l.word("search_title"), description: l.word("search_description"),
		alt: func(o *Lang) string { return o.Prefix + "/" + o.Path("search") + "/" }},
		func() *Page { return &Page{FacetGroups: v.filters, PageScript: search} })
	add("404.html", frame{layout: "404", title: l.word("not_found"), noIndex: true,
		alt: func(o *Lang) string { return o.Prefix + "/404.html" }}, func() *Page { return &Page{} })
	return out, err
}

// frame is what the page frame of a page depends on.
type frame struct {
	layout, title, description string
	fallback, noIndex          bool
	// embed is the query of the page's embed snippet (a facet's filter);
	// cite, when set, is the key of the page's citation, of the text last
	// updated on updated.
	embed, cite string
	updated     content.Date
	// alt gives the page's path in a language, its own or another.
	alt func(o *Lang) string
	// card is the page's share card: nil for the pages that show their
	// language's home page's.
	card *share.Card
}

// page is the page of language v at f.alt(v.l), drawn by template with
// the view content makes, its frame filled in and its share card drawn
// when the page is made; a page without a card of its own shows home (nil
// without cards).
func (in *inputs) page(template string, f frame, content func() *Page, v *langViews, home *drawnCard) page {
	l := v.l
	path := f.alt(l)
	out := page{path: file(path), template: template, noIndex: f.noIndex, canonical: in.abs(path)}
	for _, o := range in.langs {
		a := Alternate{L: o, Path: f.alt(o)}
		a.URL = in.abs(a.Path)
		out.alternates = append(out.alternates, a)
	}
	out.view = func() (*Page, *drawnCard, error) {
		p, card, own := content(), home, (*drawnCard)(nil)
		switch {
		case in.opt.NoCards || f.card == nil:
		case f.card == v.homeCard:
			own = home
		default:
			var err error
			if card, err = in.draw(f.card); err != nil {
				return nil, nil, fmt.Errorf("the share card: %w", err)
			}
			own = card
		}
		p.L, p.Layout, p.Path, p.Title = l, f.layout, path, f.title
		p.SiteTitle = v.siteTitle
		p.Description = cmp.Or(f.description, v.siteDescription)
		p.Canonical, p.Alternates = out.canonical, out.alternates
		p.Home = l.Prefix + "/"
		p.OGType = "website"
		if p.Event != nil {
			p.OGType = "article"
		}
		if in.opt.Preview || f.noIndex {
			p.Robots = "noindex"
		}
		p.Preview, p.Script = in.opt.Preview, in.opt.Script
		for _, a := range p.Alternates {
			if a.L != l {
				p.Others = append(p.Others, a)
			}
		}
		p.AsOfDate = in.c.Site.AsOf.String()
		p.Verified, p.VerifiedDate, p.OpenURL = l.Date(in.verified), in.verified.String(), openURL(l)
		p.UpdatesURL = l.Prefix + "/" + l.Path("updates") + "/"
		p.Head, p.Footer = v.head, v.footer
		if p.Nav = v.nav[path]; p.Nav == "" {
			p.Nav = v.nav[""]
		}
		p.TextLang, p.Fallback = l.Code, f.fallback
		if f.fallback {
			p.TextLang = in.langs[0].Code
		}
		if card != nil {
			p.Image, p.ImageAlt = in.abs("/"+card.path), card.alt
		}
		p.JSONLD = in.jsonLD(p)
		if f.layout != "embed" {
			p.Embed = in.embedSnippet(l, v.siteTitle, f.embed)
		}
		if f.cite != "" {
			p.Cite = cite(l, v.siteTitle, f.title, p.Canonical, f.cite, f.updated)
		}
		return p, own, nil
	}
	return out
}

// drawnCard is a share card drawn: its path, named by its bytes so that a
// changed card has a new address (social networks keep an image by its
// address), its PNG and its description in words.
type drawnCard struct {
	path, alt string
	png       []byte
}

// draw draws a share card, or finds it in opt.Cards.
func (in *inputs) draw(c *share.Card) (*drawnCard, error) {
	key := ""
	if in.opt.Cards != nil {
		key = memo.Key("share card", in.drawing, *c).String()
	}
	png, ok := []byte(nil), false
	if key != "" {
		png, ok = in.opt.Cards.Card(key)
	}
	if !ok {
		var err error
		if png, err = in.painter.PNG(*c); err != nil {
			return nil, err
		}
		if key != "" {
			in.opt.Cards.SaveCard(key, png)
		}
	}
	sum := sha256.Sum256(png)
	parts := []string{c.Kicker, c.Title, strings.Join(c.Facts, " · "), c.Amount}
	return &drawnCard{path: "cards/" + hex.EncodeToString(sum[:6]) + ".png", png: png,
		alt: strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), " — ")}, nil
}

// entryDate is when an event became known: its publication day, else its
// decision day.
func entryDate(e *content.Event) content.Date { return cmp.Or(e.Published, e.Date) }

// latestOf is the last n items of a list in date order.
func latestOf[T any](items []T, n int) []T { return items[max(0, len(items)-n):] }

// pagesOf cuts a list into pages of at most n items: from its end when
// it is in date order (dated), so that the first page holds the latest,
// from its start when it is newest first. There is always a first page.
func pagesOf[T any](items []T, n int, dated bool) [][]T {
	var out [][]T
	for i := 0; i < len(items); i += n {
		if dated {
			out = append(out, items[max(0, len(items)-i-n):len(items)-i])
		} else {
			out = append(out, items[i:min(len(items), i+n)])
		}
	}
	if len(out) == 0 {
		out = append(out, nil)
	}
	return out
}

// pagePath is the path of page k (from 0) of the list at base.
func pagePath(l *Lang, base string, k int) string {
	if k == 0 {
		return base
	}
	return base + l.Path("page") + "/" + strconv.Itoa(k+1) + "/"
}

// pager links page k of the n pages of the list at base, showing shown
// of its total items; nil when the list has one page.
func pager(l *Lang, base string, k, n, shown, total int) *Pager {
	if n < 2 {
		return nil
	}
	p := &Pager{Shown: shown, Total: total}
	if k > 0 {
		p.Prev = pagePath(l, base, k-1)
	}
	if k+1 < n {
		p.Next = pagePath(l, base, k+1)
	}
	for i := range n {
		p.Pages = append(p.Pages, PageLink{Label: l.Number(i + 1), URL: pagePath(l, base, i), Current: i == k})
	}
	return p
}

// openURL is the list of the open cases, on the log of corrections.
func openURL(l *Lang) string { return l.Prefix + "/" + l.Path("updates") + "/#open-cases" }

// openCases lists the events of the cases still open, as language v shows
// them, the least recently checked first.
func (in *inputs) openCases(v *langViews) []*EventView {
	var out []*EventView
	open, list := in.c.Open(), v.list
	for i, e := range in.c.Events {
		if open[e.ID] {
			out = append(out, list[i])
		}
	}
	slices.SortStableFunc(out, func(a, b *EventView) int { return cmp.Compare(a.CheckedISO, b.CheckedISO) })
	return out
}

// latest is the latest of d and the days of updates.
func latest(d content.Date, updates []content.Update) content.Date {
	for _, u := range updates {
		if u.Date.Compare(d) > 0 {
			d = u.Date
		}
	}
	return d
}
