package site

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"timeline/gen/internal/content"
	"timeline/gen/internal/markdown"
	"timeline/gen/internal/memo"
	"timeline/gen/internal/share"

	"golang.org/x/text/collate"
)

// inputs are what every language's views are built from: the content,
// the theme, the options, and the bodies rendered from Markdown.
type inputs struct {
	c       *content.Content
	byID    map[string]*content.Event
	langs   []*Lang
	theme   *theme
	opt     Options
	baseURL string
	now     content.Date
	routes  routes
	// bodies are the rendered bodies, by language and name (event id or
	// page key).
	bodies map[string]map[string]template.HTML
	cache  *memo.Cache
	// painter draws the share cards; drawing is the sum of a card it draws,
	// which changes when its drawing does.
	painter *share.Painter
	drawing [32]byte
	// sources are every event's sources by address, for the orders'
	// compliance, which names one.
	sources map[string]SourceView
	// verified is the day the site is checked as of: the oldest check of
	// the events of open cases (content.Verified).
	verified content.Date
}

// abs makes a site path absolute under the base URL.
func (in *inputs) abs(p string) string { return in.baseURL + p }

// textLang is the language a text is written in, on a page of language l.
func (in *inputs) textLang(l *Lang, t *content.Text) string {
	if t.Fallback {
		return in.langs[0].Code
	}
	return l.Code
}

// langViews is the site as one language shows it: every event, explainer
// page and facet, the menu and the site's words, built by newLangViews
// and read, never changed, by the pages.
type langViews struct {
	l      *Lang
	events []*EventView // in date order
	list   []*EventView // the same as a list shows them: without their bodies
	byID   map[string]*EventView
	byKey  map[string]*TextView
	// cards are the events' cards, by id; facets the facet values, each
	// with its events, by dimension in the order of the filters, which
	// group them for the timeline's form.
	cards   map[string]template.HTML
	facets  []facet
	filters []FacetGroup
	menu    []MenuItem
	// head and footer are the shared parts of every page's frame; nav
	// the brand and menu by the path of the menu's page it marks ("" for
	// the pages that are not in the menu).
	head, footer template.HTML
	nav          map[string]template.HTML
	// siteTitle and siteDescription are set in the language's typography.
	siteTitle, siteDescription string
	// homeCard is the home page's share card, which the pages without a
	// card of their own show too.
	homeCard *share.Card
}

// facet is a facet value and its events.
type facet struct {
	FacetView
	events []*EventView
}

// newLangViews builds language l's views. It is the one place where
// content becomes what pages show.
func newLangViews(in *inputs, l *Lang) (*langViews, error) {
	c := in.c
	v := &langViews{l: l, byID: make(map[string]*EventView, len(c.Events)), byKey: map[string]*TextView{},
		siteTitle: typeset(l.Code, c.Site.Title[l.Code]), siteDescription: typeset(l.Code, c.Site.Description[l.Code])}
	for i, e := range c.Events {
		ev := in.eventView(l, e)
		if i > 0 {
			prev := v.events[i-1]
			ev.Prev, prev.Next = &EventLink{URL: prev.URL, Title: prev.Title}, &EventLink{URL: ev.URL, Title: ev.Title}
		}
		v.events = append(v.events, ev)
		v.byID[e.ID] = ev
	}
	for i, ev := range v.events {
		if ev.Chain == nil {
			// One walk per case: its events share the same chain.
			steps := chain(c.Events[i], in.byID, v.byID)
			for _, s := range steps {
				v.byID[s.ID].Chain = steps
			}
		}
	}
	for _, ev := range v.events {
		ev.key = memo.Key(*ev) // complete: nothing changes it after
		c := *ev
		c.Body, c.key = "", memo.Sum{}
		c.key = memo.Key(c)
		v.list = append(v.list, &c)
	}
	v.menu = []MenuItem{{URL: l.Prefix + "/", Label: l.word("timeline")}}
	for _, p := range c.Pages {
		t := p.Text(l.Code)
		tl := in.textLang(l, t)
		tv := &TextView{Key: p.Key, URL: in.routes.url(l, p.Key), Title: typeset(tl, t.Title), Menu: typeset(tl, cmp.Or(t.Menu, t.Title)),
			Body: in.bodies[l.Code][p.Key]}
		v.byKey[p.Key] = tv
		v.menu = append(v.menu, MenuItem{URL: tv.URL, Label: tv.Menu})
	}
	v.menu = append(v.menu, MenuItem{URL: l.Prefix + "/" + l.Path("search") + "/", Label: l.word("search")})
	v.facets, v.filters = facetsOf(l, v.events)
	v.homeCard = &share.Card{Title: v.siteTitle, Facts: []string{l.Plural("events", len(v.events)), l.word("verified") + " " + l.Date(in.verified)}}
	var err error
	if v.cards, err = in.renderCards(v.list); err != nil {
		return nil, err
	}
	if err := in.renderShared(v); err != nil {
		return nil, err
	}
	return v, nil
}

// eventView is event e as language l shows it.
func (in *inputs) eventView(l *Lang, e *content.Event) *EventView {
	t := e.Text(l.Code)
	tl := in.textLang(l, t)
	a := in.c.Authorities[e.Authority]
	ev := &EventView{L: l, ID: e.ID, URL: in.routes.url(l, e.ID),
		Title: typeset(tl, t.Title), Summary: typeset(tl, t.Summary), Body: in.bodies[l.Code][e.ID],
		TextLang: tl, Fallback: t.Fallback,
		Date: l.Date(e.Date), DateISO: e.Date.String(), Published: l.Date(e.Published), PublishedISO: e.Published.String(), Year: e.Date.Y,
		Country: e.Country, CountryKey: strings.ToLower(e.Country[:2]), CountryName: l.Country(e.Country),
		CountryURL: facetURL(l, "countries", strings.ToLower(e.Country[:2])),
		Kind:       e.Kind, KindLabel: l.s.Kinds[e.Kind].One, KindURL: facetURL(l, "kinds", e.Kind),
		Status: e.Status, StatusLabel: l.Status(e.Kind, e.Status),
		Confirmation: e.Confirmation, ConfirmationLabel: l.s.Confirmation[e.Confirmation].One, ConfirmationNote: l.s.Confirmation[e.Confirmation].Note,
		Paid: e.Paid, PaidLabel: l.s.Paid[e.Paid], Payable: (e.Kind == "fine" || e.Kind == "penalty") && e.Amount != nil,
		Authority: AuthorityView{Key: a.Key, Name: typeset(l.Code, a.Name[l.Code]), Abbr: a.Abbr[l.Code], URL: a.URL,
			FacetURL: facetURL(l, "authorities", a.Key)},
		Reference: t.Reference, Checked: l.Date(e.Checked), CheckedISO: e.Checked.String(), // "" when not said
		Context: e.Context, Draft: e.Draft, Upcoming: e.Date.After(in.now), Uncertain: e.Confirmation == "press" || e.Confirmation == "unconfirmed",
	}
	ev.Authority.Label = cmp.Or(ev.Authority.Abbr, ev.Authority.Name)
	for _, s := range t.Caveats {
		ev.Caveats = append(ev.Caveats, typeset(tl, s))
	}
	for _, s := range e.Sources {
		ev.Sources = append(ev.Sources, sourceView(s))
	}
	in.setFindings(l, e, ev)
	money := func(m *content.Money) string {
		if m == nil {
			return ""
		}
		return l.Money(*m)
	}
	ev.Amount = money(e.Amount)
	if p := e.Penalty; p != nil {
		pv := &PenaltyView{Rate: money(p.Rate), Cap: money(p.Cap), Total: money(p.Total)}
		if !p.From.IsZero() {
			pv.From, pv.To = l.Date(p.From), l.Date(p.To)
			pv.Inclusive, pv.Exclusive = l.Number(p.Inclusive), l.Number(p.Exclusive)
			pv.CountQuestion = p.Days != p.Inclusive
		}
		if p.Days > 0 {
			pv.Days = l.Number(p.Days)
		}
		ev.Penalty = pv
	}
	for _, u := range e.Updates {
		ev.Updates = append(ev.Updates, UpdateView{Date: l.Date(u.Date), DateISO: u.Date.String(), Text: typeset(l.Code, u.Text[l.Code])})
	}
	slices.SortStableFunc(ev.Updates, func(a, b UpdateView) int { return cmp.Compare(b.DateISO, a.DateISO) })
	return ev
}

func sourceView(s content.Source) SourceView {
	return SourceView{URL: s.URL, Title: typeset(s.Language, s.Title), Publisher: typeset(s.Language, s.Publisher), Language: s.Language, Primary: s.Primary}
}

// updates lists every correction of language v's events, newest first,
// each with the event it corrects.
func (v *langViews) updates() []UpdateView {
	var out []UpdateView
	for _, e := range v.events {
		for _, u := range e.Updates {
			u.Event = &EventLink{URL: e.URL, Title: e.Title}
			out = append(out, u)
		}
	}
	slices.SortStableFunc(out, func(a, b UpdateView) int { return cmp.Compare(b.DateISO, a.DateISO) })
	return out
}

// chain lists the events reachable from e through related, in date
// order, as steps; nil when e stands alone.
func chain(e *content.Event, events map[string]*content.Event, byID map[string]*EventView) []ChainStep {
	steps := content.Case(e, events)
	if len(steps) == 1 {
		return nil
	}
	out := make([]ChainStep, len(steps))
	for i, o := range steps {
		v := byID[o.ID]
		out[i] = ChainStep{ID: v.ID, URL: v.URL, Date: v.Date, DateISO: v.DateISO, KindLabel: v.KindLabel, AuthorityLabel: v.Authority.Label}
	}
	return out
}

// facetURL is the path of a facet page.
func facetURL(l *Lang, dim, key string) string {
	if dim == "kinds" {
		key = l.s.Kinds[key].Slug
	}
	return l.Prefix + "/" + l.Path(dim) + "/" + key + "/"
}

// facetsOf groups events by country, authority, kind and year: each
// value with its events, and the filters, one group per dimension.
func facetsOf(l *Lang, events []*EventView) ([]facet, []FacetGroup) {
	type dim struct {
		name  string
		param string // the data attribute and URL parameter
		// values are the event's values in the dimension: one, or for
		// the articles found breached, any number.
		values func(v *EventView) []FacetView
		// sort orders the values: by label in the language's collation,
		// unless the dimension has an order of its own.
		sort func(a, b *facet) int
	}
	col := collate.New(l.Locale.Tag)
	byLabel := func(a, b *facet) int { return col.CompareString(a.Label, b.Label) }
	one := func(key, label string) []FacetView { return []FacetView{{Key: key, Label: label}} }
	dims := []dim{
		{"countries", "country", func(v *EventView) []FacetView { return one(v.CountryKey, l.Country(v.Country[:2])) }, byLabel},
		{"authorities", "authority", func(v *EventView) []FacetView { return one(v.Authority.Key, v.Authority.Name) }, byLabel},
		{"kinds", "kind", func(v *EventView) []FacetView { return one(v.Kind, cmp.Or(l.s.Kinds[v.Kind].Many, v.KindLabel)) },
			func(a, b *facet) int { return slices.Index(content.Kinds, a.Key) - slices.Index(content.Kinds, b.Key) }},
		{"years", "year", func(v *EventView) []FacetView { return one(strconv.Itoa(v.Year), strconv.Itoa(v.Year)) },
			func(a, b *facet) int { return cmp.Compare(a.Key, b.Key) }},
		// The articles most cited first.
		{"provisions", "provision", func(v *EventView) []FacetView {
			out := make([]FacetView, len(v.Articles))
			for i, a := range v.Articles {
				out[i] = FacetView{Key: a.Slug, Label: a.Label, Provision: a.Key, Title: a.Title, TextURL: a.URL}
			}
			return out
		}, func(a, b *facet) int { return cmp.Or(cmp.Compare(b.Count, a.Count), byLabel(a, b)) }},
	}
	var out []facet
	var groups []FacetGroup
	for _, d := range dims {
		byKey := map[string]*facet{}
		var values []*facet
		for _, v := range events {
			for _, fv := range d.values(v) {
				f := byKey[fv.Key]
				if f == nil {
					fv.Dimension, fv.DimensionLabel, fv.URL = d.name, l.word("facet_"+d.name), facetURL(l, d.name, fv.Key)
					f = &facet{FacetView: fv}
					byKey[fv.Key] = f
					values = append(values, f)
				}
				f.events = append(f.events, v)
				f.Count++
			}
		}
		if len(values) == 0 {
			continue
		}
		slices.SortFunc(values, d.sort)
		g := FacetGroup{Name: d.name, Label: l.word("facet_" + d.name), Key: d.param}
		for _, f := range values {
			out = append(out, *f)
			g.Values = append(g.Values, f.FacetView)
		}
		groups = append(groups, g)
	}
	return out, groups
}

// years groups events, in date order, by year, each shown as its card.
func (v *langViews) years(events []*EventView) []YearGroup {
	var out []YearGroup
	var cards strings.Builder
	for i, e := range events {
		if i == 0 || events[i-1].Year != e.Year {
			out = append(out, YearGroup{Year: e.Year, ID: "y" + strconv.Itoa(e.Year)})
		}
		cards.WriteString(string(v.cards[e.ID]))
		if i+1 == len(events) || events[i+1].Year != e.Year {
			out[len(out)-1].Cards = template.HTML(cards.String())
			cards.Reset()
		}
	}
	return out
}

// routes are the pages' addresses: each event's and explainer page's
// path in each language, by name (id or key), which is also how links
// between content files are written.
type routes map[string]*table // by language

// table is one language's routes; its key is memo.Key of its paths, in
// the key of every body rendered with it (memo.Keyed).
type table struct {
	paths map[string]string
	key   memo.Sum
}

func (t *table) MemoKey() memo.Sum { return t.key }

func newRoutes(c *content.Content, langs []*Lang) routes {
	r := routes{}
	for _, l := range langs {
		m := make(map[string]string, len(c.Events)+len(c.Pages))
		for _, e := range c.Events {
			m[e.ID] = l.Prefix + "/" + l.Path("events") + "/" + e.ID + "/"
		}
		for _, p := range c.Pages {
			m[p.Key] = l.Prefix + "/" + p.Text(l.Code).Slug + "/"
		}
		r[l.Code] = &table{m, memo.Key(m)}
	}
	return r
}

func (r routes) url(l *Lang, name string) string { return r[l.Code].paths[name] }

// resolver resolves links between content files in language l.
func (r routes) resolver(l *Lang) markdown.Resolver {
	return func(name string) (string, bool) {
		p, ok := r[l.Code].paths[name]
		return p, ok
	}
}

// typeset sets a plain text (a title, a summary) in the typography of the
// language it is written in.
func typeset(lang string, s string) string {
	switch lang {
	case "fr":
		return markdown.French(s)
	case "en":
		return markdown.English(s)
	}
	return s
}
