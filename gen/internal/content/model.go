package content

// Money is an exact amount in a currency's main unit (no floats anywhere).
// Its JSON form is the open data's.
type Money struct {
	Value     int64  `json:"value"`
	Currency  string `json:"currency"`  // ISO 4217
	Qualifier string `json:"qualifier"` // exact, about, at-least, at-most
}

// Penalty is a periodic penalty (astreinte): a rate per day, the period
// it ran and its total. Its JSON form is the open data's.
type Penalty struct {
	Rate *Money `json:"rate,omitempty"`
	From Date   `json:"from,omitzero"`
	To   Date   `json:"to,omitzero"`
	// Days is the number of days the total is computed on: as written, or
	// counted from From to To inclusive when not written.
	Days int `json:"days,omitempty"`
	// Inclusive counts From..To with both ends, Exclusive with one (the
	// page says so when Days is Exclusive); both are zero without a period.
	Inclusive, Exclusive int `json:"-"`
	// Total is Rate × Days, or nil when there is no number of days.
	Total *Money `json:"total,omitempty"`
	// Cap is the most the penalty may reach in all, when the decision says.
	Cap *Money `json:"cap,omitempty"`
}

// Source is a document the event is based on, in the open data's JSON.
type Source struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Language  string `json:"language"`
	Primary   bool   `json:"primary"`
	// Line and Col are where the URL is written, for the link checker.
	Line, Col int `json:"-"`
}

// Finding is a provision a decision found breached, and how, by
// language. Its JSON form is the open data's.
type Finding struct {
	Provision string            `json:"provision"`
	How       map[string]string `json:"how,omitempty"`
	// field and at are where it is written: findings[2], and its line.
	field string
	at    pos
}

// Order is what a decision ordered. Its JSON form is the open data's.
type Order struct {
	Order      string            `json:"order"`
	Text       map[string]string `json:"text,omitempty"`
	Deadline   Date              `json:"deadline,omitzero"`
	Compliance *Compliance       `json:"compliance,omitempty"`
}

// Compliance is what is known of an order's execution: complied,
// not-complied or unknown, since when, and who says so.
type Compliance struct {
	Status string `json:"status"`
	Date   Date   `json:"date,omitzero"`
	Source string `json:"source,omitempty"`
	at     pos
}

// Text is the part of an event or page written in one language.
type Text struct {
	Lang    string
	Path    string // the file it comes from
	Title   string
	Summary string // events: one line; pages: the description
	// Reference is an event's number as the language cites it, or the
	// default language's when the translation does not say.
	Reference string
	Caveats   []string
	Slug      string // pages only
	Menu      string // pages only: a short title for the menu
	Body      []byte
	// BodyLine is the line of the file where Body begins.
	BodyLine int
	// Fallback is true when this language's file is missing: the text is
	// the default language's (Lang is still the page's), and the page says so.
	Fallback bool
}

// Event is one decision or step, read from content/events/ID.md (the facts
// and the default language's text) and ID.LANG.md (the other languages).
type Event struct {
	ID        string
	Path      string
	Date      Date
	Published Date
	Country   string
	Authority string
	Kind      string
	Amount    *Money
	Penalty   *Penalty
	// Reference is the decision's number in the default language; each
	// Text has it as its language cites it.
	Reference    string
	Status       string
	Confirmation string
	Paid         string
	Context      bool
	Related      []string
	// Findings are the provisions the decision found breached, Orders what
	// it ordered, NoFindings why it has neither, FindingsSource what the
	// findings were read in.
	Findings       []Finding
	FindingsSource string
	Orders         []Order
	NoFindings     string
	Sources        []Source
	Draft          bool
	// Checked is the day the sources were last verified; Updates the
	// corrections of the event, in the order written.
	Checked Date
	Updates []Update

	// Texts holds one Text per site language, in the site's order.
	Texts []*Text

	// Where fields are written, for the errors found once all is read.
	relatedPos   []pos
	authorityPos pos
	sourcesPos   pos
	kindPos      pos
	checkedPos   pos
}

// Text returns the event's text in lang.
func (e *Event) Text(lang string) *Text { return textIn(e.Texts, lang) }

// Update is a correction of an event: its day, and what changed and why,
// by language. Its JSON form is the open data's.
type Update struct {
	Date Date              `json:"date"`
	Text map[string]string `json:"text"`
}

// Page is an explainer page, from content/pages/KEY.md and KEY.LANG.md.
type Page struct {
	Key    string
	Path   string
	Weight int
	Layout string
	Texts  []*Text
}

// Text returns the page's text in lang.
func (p *Page) Text(lang string) *Text { return textIn(p.Texts, lang) }

func textIn(ts []*Text, lang string) *Text {
	for _, t := range ts {
		if t.Lang == lang {
			return t
		}
	}
	return nil
}

// Authority is a regulator or court, from content/data/authorities.yaml.
type Authority struct {
	Key     string
	Name    map[string]string
	Abbr    map[string]string
	Country string
	URL     string
}

// Site is the site-wide configuration, from content/data/site.yaml.
type Site struct {
	// Languages lists the site's languages; the first is the default,
	// served at the root and holding the facts of each event.
	Languages   []string
	Title       map[string]string
	Description map[string]string
	// Subject names the company or body whose enforcement the timeline
	// follows (the structured data's "about"), or "".
	Subject string
	BaseURL string
	// AsOf is the day the content was last reviewed: "now" for the site
	// unless SOURCE_DATE_EPOCH says otherwise.
	AsOf       Date
	Repository string
	License    map[string]string
	// PerPage is the most events a list shows on one page, FeedLimit the
	// most entries a feed holds.
	PerPage, FeedLimit int
}

// Content is everything read from content/.
type Content struct {
	Site        Site
	Authorities map[string]*Authority
	// Laws are LawsFile's laws by key, Provisions theirs (gdpr:6(1)).
	Laws        map[string]*Law
	Provisions  map[string]*Provision
	Events      []*Event // sorted by date, then id
	Pages       []*Page  // sorted by weight, then key
	Diagnostics Diagnostics
	// Reviewed counts the warnings ReviewedFile accepts, not in Diagnostics.
	Reviewed int
}

// Event returns the event with the given id, or nil.
func (c *Content) Event(id string) *Event {
	for _, e := range c.Events {
		if e.ID == id {
			return e
		}
	}
	return nil
}
