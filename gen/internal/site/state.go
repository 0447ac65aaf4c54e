package site

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/collate"

	"clearviewtimeline/gen/internal/content"
	"clearviewtimeline/gen/internal/markdown"
)

// state is one build's view of the content: every event and page as each
// language shows it, and the site's routes.
type state struct {
	c       *content.Content
	langs   []*Lang
	opt     Options
	assets  *assetSet
	baseURL string
	now     content.Date

	events    map[string][]*EventView // by language, in date order
	pages     map[string][]*PageView
	byID      map[string]map[string]*EventView // lang → id → view
	pageByKey map[string]map[string]*PageView
	facetsBy  map[string][]facetView // by language
	// global fingerprints what every page depends on; cards the list
	// data of all events, per language.
	global   uint64
	cards    map[string]uint64
	namesSum uint64 // the names links may resolve to
	// menu and footer are the fragments every page of a language shares,
	// rendered once (the menu for the pages that are not in it).
	menu, footer map[string]template.HTML
	// sharedHead is what every page's head holds, rendered once per
	// language.
	sharedHead map[string]template.HTML
	// siteTitles and siteDescriptions are the site's, set in each
	// language's typography once for all pages.
	siteTitles, siteDescriptions map[string]string
	// slots are the shared fragments, minified once (slots.go).
	slots slots
}

// PageView is an explainer page in one language.
type PageView struct {
	P    *content.Page
	Text *content.Text
	URL  string
	Body template.HTML
	// Title is the text's title, set in the language's typography.
	Title string
	// Menu is the page's name in the menu: its short title, or its title.
	Menu string
}

func newState(c *content.Content, langs []*Lang, opt Options, assets *assetSet, memo *typoMemo) *state {
	memo.next()
	s := &state{c: c, langs: langs, opt: opt, assets: assets,
		events: map[string][]*EventView{}, pages: map[string][]*PageView{},
		byID: map[string]map[string]*EventView{}, pageByKey: map[string]map[string]*PageView{}}
	s.baseURL = strings.TrimSuffix(cmp.Or(opt.BaseURL, c.Site.BaseURL), "/")
	s.now = opt.Now
	if s.now.IsZero() {
		s.now = c.Site.AsOf
	}
	s.siteTitles, s.siteDescriptions = map[string]string{}, map[string]string{}
	for _, l := range langs {
		s.siteTitles[l.Code] = typo(l.Code, c.Site.Title[l.Code])
		s.siteDescriptions[l.Code] = typo(l.Code, c.Site.Description[l.Code])
	}
	// Each language's views on a core of its own: they share nothing but
	// the typography memo, which locks.
	type langViews struct {
		events []*EventView
		byID   map[string]*EventView
		pages  []*PageView
		byKey  map[string]*PageView
		facets []facetView
		cards  uint64
	}
	per := make([]langViews, len(langs))
	var wg sync.WaitGroup
	for li, l := range langs {
		wg.Go(func() {
			byID := make(map[string]*EventView, len(c.Events))
			views := make([]*EventView, len(c.Events))
			for i, e := range c.Events {
				a := c.Authorities[e.Authority]
				v := &EventView{E: e, L: l, Text: e.Text(l.Code), URL: s.eventURL(l, e.ID),
					Upcoming: e.Date.After(s.now),
					Authority: AuthorityView{Key: a.Key, Name: memo.typo(l.Code, a.Name[l.Code]), Abbr: a.Abbr[l.Code], URL: a.URL, Country: a.Country,
						FacetURL: l.Prefix + "/" + l.Path("authorities") + "/" + a.Key + "/"},
					CountryURL: l.Prefix + "/" + l.Path("countries") + "/" + strings.ToLower(e.Country[:2]) + "/",
					KindURL:    l.Prefix + "/" + l.Path("kinds") + "/" + l.KindSlug(e.Kind) + "/",
					YearURL:    l.Prefix + "/" + l.Path("years") + "/" + strconv.Itoa(e.Date.Y) + "/",
				}
				v.words()
				v.Authority.Label = cmp.Or(v.Authority.Abbr, v.Authority.Name)
				tl := s.textLang(l, v.Text)
				v.Title, v.Summary, v.Caveats = memo.typo(tl, v.Text.Title), memo.typo(tl, v.Text.Summary), memo.all(tl, v.Text.Caveats)
				v.Sources = make([]content.Source, len(e.Sources))
				for i, src := range e.Sources {
					src.Title, src.Publisher = memo.typo(src.Language, src.Title), memo.typo(src.Language, src.Publisher)
					v.Sources[i] = src
				}
				views[i] = v
				byID[e.ID] = v
			}
			for i, v := range views {
				if i > 0 {
					v.Prev = views[i-1]
				}
				if i+1 < len(views) {
					v.Next = views[i+1]
				}
				if v.Chain == nil {
					// One walk per case: its events share the same chain.
					c := chain(v, byID)
					for _, o := range c {
						o.Chain = c
					}
				}
			}
			r := langViews{events: views, byID: byID, byKey: map[string]*PageView{}}
			for _, p := range c.Pages {
				t := p.Text(l.Code)
				pv := &PageView{P: p, Text: t, URL: l.Prefix + "/" + t.Slug + "/", Title: memo.typo(s.textLang(l, t), t.Title), Menu: memo.typo(s.textLang(l, t), cmp.Or(t.Menu, t.Title))}
				r.pages = append(r.pages, pv)
				r.byKey[p.Key] = pv
			}
			r.facets = s.facetsOf(l, views)
			r.cards = cardsSum(l, views)
			per[li] = r
		})
	}
	wg.Wait()
	s.facetsBy = map[string][]facetView{}
	s.cards = map[string]uint64{}
	for li, l := range langs {
		r := per[li]
		s.events[l.Code], s.byID[l.Code] = r.events, r.byID
		s.pages[l.Code], s.pageByKey[l.Code] = r.pages, r.byKey
		s.facetsBy[l.Code], s.cards[l.Code] = r.facets, r.cards
	}
	var names []string
	for _, e := range c.Events {
		names = append(names, e.ID)
	}
	for _, p := range c.Pages {
		names = append(names, p.Key)
	}
	s.namesSum = content.Sum([]byte(strings.Join(names, ",")))
	return s
}

// checkSlugs refuses page addresses that the site uses for something
// else (a section, a language, the assets) or that two pages share.
func (s *state) checkSlugs() content.Diagnostics {
	var diags content.Diagnostics
	reserved := map[string]string{"data": "the open data", "css": "the assets", "js": "the assets", "_gen": "the dev server"}
	for _, l := range s.langs {
		if !l.Default {
			reserved[l.Code] = "the " + l.Code + " pages"
		}
		for _, sec := range []string{"events", "countries", "authorities", "kinds", "years"} {
			reserved[l.Path(sec)] = "the " + sec + " section"
		}
	}
	for _, l := range s.langs {
		seen := map[string]string{}
		for _, p := range s.pages[l.Code] {
			if p.Text.Fallback {
				continue // reported for the text's own file
			}
			slug, path := p.Text.Slug, p.Text.Path
			if what, ok := reserved[slug]; ok {
				diags = append(diags, content.Diagnostic{Path: path, Line: 1, Col: 1, Field: "slug",
					Problem: fmt.Sprintf("%q is the address of %s", slug, what), Expected: "another slug"})
			} else if other, ok := seen[slug]; ok && other != path {
				diags = append(diags, content.Diagnostic{Path: path, Line: 1, Col: 1, Field: "slug",
					Problem: fmt.Sprintf("%q is also the slug of %s", slug, other), Expected: "a slug no other page has in this language"})
			}
			seen[slug] = path
		}
	}
	return diags
}

// cardsSum fingerprints what lists show of the events.
func cardsSum(l *Lang, evs []*EventView) uint64 {
	sums := make([]uint64, len(evs))
	for i, v := range evs {
		sums[i] = v.E.CardSum(l.Code)
	}
	return content.Mix(sums...)
}

// structureSum fingerprints the site's structure: the events' order and
// the menu, which every page shows or links to.
func (s *state) structureSum() uint64 {
	var b strings.Builder
	for _, e := range s.c.Events {
		b.WriteString(e.ID)
		b.WriteByte(' ')
	}
	for _, l := range s.langs {
		for _, p := range s.pages[l.Code] {
			b.WriteString(p.URL + "\x00" + p.Menu + "\x00" + p.Title + "\n")
		}
	}
	return content.Sum([]byte(b.String()))
}

// eventKey fingerprints what an event's page shows: the event, its
// neighbours' and its case's list data.
func (s *state) eventKey(v *EventView) uint64 {
	sums := []uint64{s.global, v.E.PageSum(v.L.Code)}
	for _, o := range append([]*EventView{v.Prev, v.Next}, v.Chain...) {
		if o != nil {
			sums = append(sums, o.E.CardSum(v.L.Code))
		}
	}
	return content.Mix(sums...)
}

// extrasKey fingerprints what the feeds, the sitemap and the data show.
func (s *state) extrasKey() uint64 {
	sums := []uint64{s.global}
	for _, l := range s.langs {
		sums = append(sums, s.cards[l.Code])
	}
	return content.Mix(sums...)
}

// chain collects the events reachable from v through related, in date order.
func chain(v *EventView, byID map[string]*EventView) []*EventView {
	seen := map[string]bool{v.E.ID: true}
	queue := []*EventView{v}
	for i := 0; i < len(queue); i++ {
		for _, r := range queue[i].E.Related {
			if o := byID[r]; o != nil && !seen[r] {
				seen[r] = true
				queue = append(queue, o)
			}
		}
	}
	if len(queue) == 1 {
		return nil
	}
	slices.SortFunc(queue, func(a, b *EventView) int {
		return cmp.Or(a.E.Date.Compare(b.E.Date), cmp.Compare(a.E.ID, b.E.ID))
	})
	return queue
}

func (s *state) lang(code string) *Lang {
	for _, l := range s.langs {
		if l.Code == code {
			return l
		}
	}
	return nil
}

func (s *state) eventURL(l *Lang, id string) string {
	return l.Prefix + "/" + l.Path("events") + "/" + id + "/"
}

func (s *state) home(l *Lang) string { return l.Prefix + "/" }

// resolve maps a content file's name to its page in language l.
func (s *state) resolve(l *Lang, name string) (string, bool) {
	if v := s.byID[l.Code][name]; v != nil {
		return v.URL, true
	}
	if p := s.pageByKey[l.Code][name]; p != nil {
		return p.URL, true
	}
	return "", false
}

// typo sets a plain text (a title, a summary) in the typography of the
// language it is written in.
func typo(lang string, s string) string {
	switch lang {
	case "fr":
		return markdown.French(s)
	case "en":
		return markdown.English(s)
	}
	return s
}

// typoMemo remembers typo's French results from one build to the next;
// it keeps only what the last build used. Other languages' typography is
// one quick pass and is not remembered. It is safe for concurrent use.
type typoMemo struct {
	mu        sync.Mutex
	prev, cur map[string]string
}

func (m *typoMemo) typo(lang, s string) string {
	if lang != "fr" {
		return typo(lang, s)
	}
	m.mu.Lock()
	r, ok := m.cur[s]
	if !ok {
		r, ok = m.prev[s]
	}
	m.mu.Unlock()
	if !ok {
		r = typo(lang, s) // outside the lock: the slow part
	}
	m.mu.Lock()
	if m.cur == nil {
		m.cur = map[string]string{}
	}
	m.cur[s] = r
	m.mu.Unlock()
	return r
}

// next starts a new build's memory.
func (m *typoMemo) next() { m.prev, m.cur = m.cur, nil }

func (m *typoMemo) all(lang string, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = m.typo(lang, s)
	}
	return out
}

// textLang is the language a text is written in, on a page of language l.
func (s *state) textLang(l *Lang, t *content.Text) string {
	if t.Fallback {
		return s.langs[0].Code
	}
	return l.Code
}

// abs makes a site path absolute under the base URL.
func (s *state) abs(p string) string { return s.baseURL + p }

// file is the output file of a page URL.
func file(url string) string { return strings.TrimPrefix(url, "/") + "index.html" }

// pageData is what a page's template gets.
type pageData struct {
	s        *state
	L        *Lang
	Layout   string
	Path     string // the page's URL path
	Title    string
	Desc     string
	NoIndex  bool
	Fallback bool
	// alt gives the path of the same page in another language.
	alt func(l *Lang) string

	Event  *EventView
	Events []*EventView
	Years  []yearGroup
	Page   *PageView
	Facet  *facetView
	Status int

	// What every page's head and frame show, computed once per page by
	// state.head before its template runs: fields, not methods, and not
	// in an embedded struct, because a template reads a plain field for a
	// fraction of what a method call or a promoted field costs.

	// SiteTitle and SiteDescription are the site's, in the page's language.
	SiteTitle, SiteDescription string
	// Description is the page's meta description.
	Description string
	// Canonical is the page's absolute URL.
	Canonical string
	// Home is the path of the timeline in the page's language.
	Home string
	// FeedAtom and FeedJSON are the page language's feeds.
	FeedAtom, FeedJSON string
	// OGType is article for an event, website otherwise; OGLocale the
	// page's Open Graph locale, OGAlternates the other languages'.
	OGType, OGLocale string
	OGAlternates     []string
	// Robots is the content of the robots meta tag, or "".
	Robots string
	// Preview is true in deploy previews.
	Preview bool
	// Script is the dev server's script, or "".
	Script string
	// Alternates lists the page in every language, this one included;
	// Others in the other languages (the language switch).
	Alternates, Others []Alternate
	// SharedMenu is the menu as rendered once for the language, for a
	// page that is not in it; "" when the page must mark itself as
	// current. SharedFooter is the footer, SharedHead what the head of
	// every page of the language holds (feeds, assets, Open Graph
	// locales), each rendered once.
	SharedMenu, SharedFooter, SharedHead template.HTML
	// DefaultLang is the site's first language; TextLang the language
	// the page's text is written in.
	DefaultLang, TextLang string
}

// facetView is a facet page: the events sharing one value.
type facetView struct {
	Dimension string // countries, authorities, kinds, years
	Value     facetValue
}

func (s *state) siteTitle(l *Lang) string       { return s.siteTitles[l.Code] }
func (s *state) siteDescription(l *Lang) string { return s.siteDescriptions[l.Code] }

// head fills in what every page shows and returns d.
func (s *state) head(d *pageData) *pageData {
	l := d.L
	d.SiteTitle, d.SiteDescription = s.siteTitle(l), s.siteDescription(l)
	d.Description = cmp.Or(d.Desc, d.SiteDescription)
	d.Canonical = s.abs(d.Path)
	d.Home = s.home(l)
	d.FeedAtom, d.FeedJSON = feedPath(l, "xml"), feedPath(l, "json")
	d.OGType = "website"
	if d.Event != nil {
		d.OGType = "article"
	}
	d.OGLocale = ogLocale(l.Code)
	if s.opt.Preview || d.NoIndex {
		d.Robots = "noindex"
	}
	d.Preview, d.Script = s.opt.Preview, s.opt.Script
	if d.alt != nil {
		for _, o := range s.langs {
			p := d.alt(o)
			a := Alternate{L: o, Path: p, URL: s.abs(p)}
			d.Alternates = append(d.Alternates, a)
			if o != l {
				d.Others = append(d.Others, a)
				d.OGAlternates = append(d.OGAlternates, ogLocale(o.Code))
			}
		}
	}
	if d.Layout != "home" && d.Page == nil {
		d.SharedMenu = s.menu[l.Code]
	}
	d.SharedFooter, d.SharedHead = s.footer[l.Code], s.sharedHead[l.Code]
	d.DefaultLang, d.TextLang = s.langs[0].Code, l.Code
	if d.Fallback {
		d.TextLang = s.langs[0].Code
	}
	return d
}

// AsOf is the day the content was last reviewed, in words.
func (d *pageData) AsOf() string { return d.L.Date(d.s.c.Site.AsOf) }

// AsOfDate is that day for a datetime attribute.
func (d *pageData) AsOfDate() string { return d.s.c.Site.AsOf.String() }

// Asset is the URL of a file of static/.
func (d *pageData) Asset(name string) (string, error) { return d.s.assets.URL(name) }

// Repository is the project's repository, for corrections.
func (d *pageData) Repository() string { return d.s.c.Site.Repository }

// License is the licence of the content and data.
func (d *pageData) License() string { return d.s.c.Site.License[d.L.Code] }

// Alternate is the same page in another language.
type Alternate struct {
	L    *Lang
	Path string
	URL  string
}

// Menu lists the explainer pages in the page's language.
func (d *pageData) Menu() []*PageView { return d.s.pages[d.L.Code] }

// Count writes the number of events of the site.
func (d *pageData) Count() int { return len(d.s.events[d.L.Code]) }

// pages_ lists every HTML page of the site.
func (s *state) pages_() []page {
	var out []page
	for _, l := range s.langs {
		l := l
		out = append(out, page{path: file(s.home(l)), key: content.Mix(s.global, s.cards[l.Code]), template: "home.html", data: s.head(&pageData{s: s, L: l, Layout: "home",
			Path: s.home(l), Events: s.events[l.Code], Years: groupByYear(s.events[l.Code]),
			alt: func(o *Lang) string { return s.home(o) }})})
		for _, v := range s.events[l.Code] {
			id := v.E.ID
			out = append(out, page{path: file(v.URL), key: s.eventKey(v), template: "event.html", data: s.head(&pageData{s: s, L: l, Layout: "event",
				Path: v.URL, Title: v.Title, Desc: v.Summary, Event: v, Fallback: v.Text.Fallback,
				alt: func(o *Lang) string { return s.eventURL(o, id) }})})
		}
		for _, p := range s.pages[l.Code] {
			pageKey := p.P.Key
			tmpl := "page.html"
			key := content.Mix(s.global, p.Text.FrontSum, p.Text.BodySum, p.P.Texts[0].FrontSum)
			if p.P.Layout == "figures" {
				tmpl = "figures.html"
				key = content.Mix(key, s.cards[l.Code])
			}
			out = append(out, page{path: file(p.URL), key: key, template: tmpl, data: s.head(&pageData{s: s, L: l, Layout: p.P.Layout,
				Path: p.URL, Title: p.Title, Desc: typo(s.textLang(l, p.Text), p.Text.Summary), Page: p, Fallback: p.Text.Fallback,
				alt: func(o *Lang) string { return s.pageByKey[o.Code][pageKey].URL }})})
		}
		for _, f := range s.facetList(l) {
			f := f
			out = append(out, page{path: file(f.Value.URL), key: content.Mix(s.global, cardsSum(l, f.Value.Events)), template: "facet.html", data: s.head(&pageData{s: s, L: l, Layout: "facet",
				Path: f.Value.URL, Title: f.Value.Label, Facet: &f, Events: f.Value.Events, Years: groupByYear(f.Value.Events),
				Desc: l.Plural("facet_description", len(f.Value.Events), "label", f.Value.Label),
				alt:  func(o *Lang) string { return s.facetURL(o, f.Dimension, f.Value.Key) }})})
		}
		notFound := l.Prefix + "/404.html"
		out = append(out, page{path: strings.TrimPrefix(notFound, "/"), key: s.global, template: "404.html", data: s.head(&pageData{s: s, L: l, Layout: "404",
			Path: notFound, Title: l.T("not_found"), NoIndex: true, Status: 404,
			alt: func(o *Lang) string { return o.Prefix + "/404.html" }})})
	}
	return out
}

func (s *state) facetURL(l *Lang, dim, key string) string {
	if dim == "kinds" {
		key = l.KindSlug(key)
	}
	return l.Prefix + "/" + l.Path(dim) + "/" + key + "/"
}

// facetList returns the facets of language l, computed by newState.
func (s *state) facetList(l *Lang) []facetView { return s.facetsBy[l.Code] }

// facetsOf groups events, the views of language l, by country, authority,
// kind and year.
func (s *state) facetsOf(l *Lang, events []*EventView) []facetView {
	type dim struct {
		name  string
		key   func(v *EventView) string
		label func(v *EventView) string
		// sort orders the values: by label in the language's collation,
		// unless the dimension has an order of its own.
		sort func(keys []string, byKey map[string]*facetValue)
	}
	col := collate.New(l.Locale.Tag)
	byLabel := func(keys []string, byKey map[string]*facetValue) {
		slices.SortFunc(keys, func(a, b string) int { return col.CompareString(byKey[a].Label, byKey[b].Label) })
	}
	bySchema := func(keys []string, _ map[string]*facetValue) {
		slices.SortFunc(keys, func(a, b string) int { return slices.Index(content.Kinds, a) - slices.Index(content.Kinds, b) })
	}
	dims := []dim{
		{"countries", func(v *EventView) string { return strings.ToLower(v.E.Country[:2]) }, func(v *EventView) string { return l.Country(v.E.Country[:2]) }, byLabel},
		{"authorities", func(v *EventView) string { return v.E.Authority }, func(v *EventView) string { return v.Authority.Name }, byLabel},
		{"kinds", func(v *EventView) string { return v.E.Kind }, func(v *EventView) string { return l.KindPlural(v.E.Kind) }, bySchema},
		{"years", func(v *EventView) string { return strconv.Itoa(v.E.Date.Y) }, func(v *EventView) string { return strconv.Itoa(v.E.Date.Y) }, func(keys []string, _ map[string]*facetValue) { slices.Sort(keys) }},
	}
	var out []facetView
	for _, d := range dims {
		byKey := map[string]*facetValue{}
		var keys []string
		for _, v := range events {
			k := d.key(v)
			fv := byKey[k]
			if fv == nil {
				fv = &facetValue{Key: k, Label: d.label(v), URL: s.facetURL(l, d.name, k)}
				byKey[k] = fv
				keys = append(keys, k)
			}
			fv.Events = append(fv.Events, v)
		}
		d.sort(keys, byKey)
		for _, k := range keys {
			out = append(out, facetView{Dimension: d.name, Value: *byKey[k]})
		}
	}
	return out
}

// extras are the files that are not HTML pages.
func (s *state) extras(m *minifier, pages []page) (map[string][]byte, error) {
	type job struct {
		path string
		make func() ([]byte, error)
	}
	robots := "User-agent: *\n"
	if s.opt.Preview {
		robots += "Disallow: /\n"
	} else {
		robots += "Allow: /\n\nSitemap: " + s.abs("/sitemap.xml") + "\n"
	}
	jobs := []job{
		{"robots.txt", func() ([]byte, error) { return []byte(robots), nil }},
		{"data/events.json", s.dataJSON},
		{"data/events.csv", s.dataCSV},
		{"sitemap.xml", func() ([]byte, error) {
			sm, err := s.sitemap(pages)
			if err != nil {
				return nil, err
			}
			return m.bytes("application/xml", sm)
		}},
	}
	for _, l := range s.langs {
		jobs = append(jobs,
			job{feedPath(l, "xml")[1:], func() ([]byte, error) {
				atom, err := s.atom(l)
				if err != nil {
					return nil, err
				}
				return m.bytes("application/atom+xml", atom)
			}},
			job{feedPath(l, "json")[1:], func() ([]byte, error) { return s.jsonFeed(l) }})
	}
	// Each file on its own goroutine: they run beside the pages.
	results := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() { results[i], errs[i] = j.make() })
	}
	wg.Wait()
	out := make(map[string][]byte, len(jobs))
	for i, j := range jobs {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", j.path, errs[i])
		}
		out[j.path] = results[i]
	}
	return out, nil
}
