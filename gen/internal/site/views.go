package site

import (
	"html/template"

	"timeline/gen/internal/memo"
)

// The views are what the templates get: plain, self-contained data, built
// in one place (model.go) before any template runs. A template reads
// fields; the only methods it calls are its language's (.L.Plural…) and
// .Asset, which read the theme, never the content. A cached page is keyed
// by its whole view (package memo), so nothing a page shows may be
// reached any other way.

// Page is what a page's template gets: the page frame (what the head, the
// header and the footer show) and the page's own content, in the fields
// its layout reads.
type Page struct {
	// L is the page's language: its words, formats and address prefix.
	L *Lang
	// Layout is home, event, page, figures, facet or 404; Path the page's
	// URL path, Canonical its absolute URL; Home the timeline's path.
	Layout, Path, Canonical, Home string
	// Title is "" on the home page; Description is the meta description.
	Title, Description, SiteTitle string
	// OGType is article for an event, website otherwise; Robots the
	// robots meta tag, or ""; Script the dev server's, or ""; PageScript
	// a script of the page's own (the search page's), or "".
	OGType, Robots, Script, PageScript string
	// Image is the absolute URL of the page's share card (its og:image),
	// ImageAlt the card in words.
	Image, ImageAlt string
	// Preview marks a deploy preview: a banner on every page.
	Preview bool
	// Alternates lists the page in every language, this one included;
	// Others in the other languages (the language switch).
	Alternates, Others []Alternate
	// AsOfDate is the review day, for the structured data; Verified the
	// day the open cases were last checked, in words, VerifiedDate for a
	// datetime attribute, and OpenURL the list of those cases; UpdatesURL
	// is the log of every correction.
	AsOfDate, Verified, VerifiedDate, OpenURL, UpdatesURL string
	// Head, Nav and Footer are the parts of the frame that every page of
	// the language shows alike, rendered once from the partials head.html,
	// menu.html (once for each page of the menu, which it marks) and
	// footer.html with a Shared.
	Head, Nav, Footer template.HTML
	JSONLD            template.JS
	// TextLang is the language the page's text is written in: the
	// default language's when its translation is missing (Fallback).
	TextLang string
	Fallback bool

	// The page's own content, by layout: Event (event); Text (page,
	// figures) and Figures (figures); Facet and Years (facet); Count,
	// Chart, CountryYears, FacetGroups and Years (home); Updates (the log
	// of corrections).
	Event        *EventView
	Text         *TextView
	Figures      *Figures
	Facet        *FacetView
	Years        []YearGroup
	Count        int
	Chart        template.HTML
	CountryYears *CountryYears
	FacetGroups  []FacetGroup
	Updates      []UpdateView
	// Pager links a page of a list to its other pages, or is nil.
	Pager *Pager
	// Open lists the cases still open (the log of corrections' first page).
	Open *OpenCases
	// Events are the embedded timeline's events; Comparison the
	// comparison page's tables; Feed a facet's own Atom feed.
	Events     []*EventView
	Comparison *Comparison
	Feed       string

	// Embed is the HTML that shows the timeline in another site, filtered
	// as the page is (a facet, an event's country); Cite how to cite the
	// page (event and explainer pages).
	Embed string
	Cite  *Citation
}

// Shared is what the partials head.html, menu.html and footer.html get:
// only what is the same on every page of a language, so that they are
// rendered once per language (the menu once for each of its pages), and
// a partial that reads a page's own field fails the build.
type Shared struct {
	L                                   *Lang
	SiteTitle, Home, FeedAtom, FeedJSON string
	OGLocale                            string
	OGAlternates                        []string // the other languages' Open Graph locales
	UpdatesURL                          string   // the log of corrections
	Menu                                []MenuItem
	HomeCurrent                         bool // on the timeline, which the menu marks
	Verified, VerifiedDate, OpenURL     string
	License, Repository                 string
	Assets                              *assetSet
}

// Asset is the published URL of a file of static/ ("css/site.css").
func (s *Shared) Asset(name string) (string, error) { return s.Assets.URL(name) }

// Alternate is the same page in another language.
type Alternate struct {
	L    *Lang
	Path string
	URL  string
}

// MenuItem is an entry of the menu.
type MenuItem struct {
	URL, Label string
	// Current is true on the page the entry leads to.
	Current bool
}

// EventView is an event as the pages of one language show it.
type EventView struct {
	L  *Lang
	ID string
	// URL is the event page's path, e.g. /evenements/2022-10-17-cnil-sanction/.
	URL string
	// Title, Summary and Caveats are set in the typography of the
	// language they are written in, TextLang.
	Title, Summary string
	Caveats        []string
	Body           template.HTML
	TextLang       string
	// Fallback is true when the text is the default language's, its
	// translation missing.
	Fallback bool
	// Date and Published are in words, DateISO and PublishedISO for a
	// datetime attribute; Published is "" when not known.
	Date, DateISO           string
	Published, PublishedISO string
	Year                    int
	// Country is the code (FR, US-VT), CountryKey its lowercase country
	// part, the facet's key.
	Country, CountryKey, CountryName, CountryURL string
	// Kind, Status, Confirmation and Paid are the schema's values, each
	// with its label in the page's language.
	Kind, KindLabel, KindURL                          string
	Status, StatusLabel                               string
	Confirmation, ConfirmationLabel, ConfirmationNote string
	Paid, PaidLabel                                   string
	// Payable is true for a fine or penalty with an amount: its payment
	// is shown.
	Payable   bool
	Authority AuthorityView
	// Amount is the amount in words, or "".
	Amount    string
	Penalty   *PenaltyView
	Reference string
	// Context marks an action against a user of the subject; Draft an
	// event not yet published; Upcoming one dated after the site's "now";
	// Uncertain one not confirmed by the authority's own text.
	Context, Draft, Upcoming, Uncertain bool
	// Sources are the event's, each title and publisher set in the
	// typography of the source's own language.
	Sources []SourceView
	// Chain is the case the event belongs to: itself and every event
	// reachable through related, in date order; nil when it stands alone.
	Chain      []ChainStep
	Prev, Next *EventLink
	// Checked is the day the sources were last verified, CheckedISO for
	// a datetime attribute; "" when not said. Updates are the event's
	// corrections, newest first.
	Checked, CheckedISO string
	Updates             []UpdateView
	// Findings are the provisions the decision found breached, and
	// FindingsSource, in words, what their list was read in (Secondary:
	// a secondary source only); Orders are what it ordered; NoFindings
	// says, in words, why it has neither ("" when it has).
	Findings       []FindingView
	FindingsSource string
	Secondary      bool
	Orders         []OrderView
	NoFindings     string
	// Articles are the articles found breached, each once: the facets
	// the event is listed in, and a card's data attribute.
	Articles []ProvisionView
	// key is memo.Key of all the above, once the view is complete.
	key memo.Sum
}

// MemoKey is the key of everything the event view holds (memo.Keyed): a
// view is in many pages' views (lists, comparison, embed), and too large
// to hash whole in each.
func (ev *EventView) MemoKey() memo.Sum { return ev.key }

// UpdateView is a correction, in the page's language: on an event's page,
// and with the event it corrects on the log of all corrections.
type UpdateView struct {
	Date, DateISO, Text string
	Event               *EventLink
}

// AuthorityView is an authority's name in one language.
type AuthorityView struct {
	Key, Name, Abbr, URL string
	// Label is the authority's short name when it has one, else its name.
	Label string
	// FacetURL lists the authority's events.
	FacetURL string
}

// SourceView is a source of an event.
type SourceView struct {
	URL, Title, Publisher, Language string
	Primary                         bool
}

// ChainStep is one event of a case, as the others list it.
type ChainStep struct {
	ID, URL, Date, DateISO, KindLabel, AuthorityLabel string
}

// EventLink links to another event page.
type EventLink struct {
	URL, Title string
}

// PenaltyView is the penalty of an event in words.
type PenaltyView struct {
	Rate, Total, Cap string
	From, To         string
	Days             string
	// Inclusive and Exclusive are the two ways of counting the period,
	// shown when the decision's count is the exclusive one.
	Inclusive, Exclusive string
	CountQuestion        bool
}

// TextView is an explainer page in one language.
type TextView struct {
	Key, URL string
	// Title is set in the language's typography; Menu is the page's name
	// in the menu: its short title, or its title.
	Title, Menu string
	Body        template.HTML
}

// YearGroup is the events of one year on a list: their cards, each
// rendered once for every list that shows it, one after the other.
type YearGroup struct {
	Year  int
	ID    string
	Cards template.HTML
}

// FacetView is a value of a facet: a country, an authority, a kind or a
// year, and how many events have it.
type FacetView struct {
	Dimension string // countries, authorities, kinds, years
	// DimensionLabel names the dimension: Pays, Countries.
	DimensionLabel  string
	Key, Label, URL string
	Count           int
	// Provision is a provision's article key (gdpr:6), Title and TextURL
	// its title and official text.
	Provision, Title, TextURL string
}

// FacetGroup is one dimension of the filters: its values and their pages.
type FacetGroup struct {
	Name   string // countries, authorities, kinds, years
	Label  string // the dimension's name: Pays, Countries
	Key    string // the data attribute and URL parameter: country, authority, kind, year
	Values []FacetView
}

// CountryYears is the table behind the time-axis chart: the number of
// events of each country in each year.
type CountryYears struct {
	Years []int
	Rows  []CountryYearsRow
	// Dense is true when the chart draws a mark per country and year,
	// sized by its count, instead of one per event.
	Dense bool
}

// CountryYearsRow is one country's counts.
type CountryYearsRow struct {
	Code, Name, URL string
	Counts          []int
	Total           int
}

// Figures are the sums of the figures page, computed from the events: the
// fines and liquidated penalties imposed and in force, by country, in
// each decision's own currency (never converted), and what is known of
// their payment. Appealed lists apart the sums under appeal, not payable
// while the appeal is pending and left out of the totals.
type Figures struct {
	Countries []CountryFigures
	Appealed  []*EventView
	// Summarised is true when the table gives each country's total alone,
	// for it would list more than site.yaml's per_page decisions.
	Summarised bool
	// Totals is the sum of all countries, one amount per currency.
	Totals []string
	// Paid, Unpaid and Unknown count the decisions by what is known of
	// their payment.
	Paid, Unpaid, Unknown int
	// Bars are the bar charts of the sums by country, one per currency;
	// Cumulative the running total in the main currency.
	Bars       []CurrencyBars
	Cumulative template.HTML
}

// CountryFigures are one country's sums.
type CountryFigures struct {
	Code, Name, URL string
	Rows            []*EventView
	Totals          []string // one per currency
}

// CurrencyBars is the bar chart of one currency's sums by country.
type CurrencyBars struct {
	Currency string
	SVG      template.HTML
}

// Pager links a page of a list to the others: Prev to the newer page,
// Next to the older one ("" at either end), Pages to each; the timeline's
// links every year's page (Years). It shows Shown of the list's Total.
type Pager struct {
	Prev, Next   string
	Pages, Years []PageLink
	Shown, Total int
}

// PageLink is a link to one page of a list.
type PageLink struct {
	Label, URL string
	Current    bool
}

// OpenCases are the events of the cases still open, the least recently
// checked first, and how many more a long list leaves out.
type OpenCases struct {
	Events []*EventView
	More   int
}
