package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"slices"
	"time"

	"clearviewtimeline/gen/internal/content"
)

// Feeds: an Atom feed and a JSON Feed per language, newest event first.
// Entry dates are the events' own (publication day, else decision day),
// never the time of the build.

// feedPath is where a language's feeds are: /feed.xml, /en/feed.xml.
func feedPath(l *Lang, ext string) string { return l.Prefix + "/feed." + ext }

func rfc3339(d content.Date) string { return d.Time().Format(time.RFC3339) }

// feedEntry is an event as the feeds list it.
type feedEntry struct {
	e *content.Event
	v *EventView
}

// text is what a feed says of an event beside its title.
func (f feedEntry) text() string {
	s := f.v.Date + " — " + f.v.CountryName + " — " + f.v.Authority.Label + " — " + f.v.KindLabel
	if f.v.Amount != "" {
		s += " — " + f.v.Amount
	}
	return s + ". " + f.v.Summary
}

// feedEntries lists language v's events, newest first.
func (in *inputs) feedEntries(v *langViews) []feedEntry {
	out := make([]feedEntry, len(in.c.Events))
	for i, e := range in.c.Events {
		out[i] = feedEntry{e, v.events[i]}
	}
	slices.SortStableFunc(out, func(a, b feedEntry) int {
		if c := entryDate(b.e).Compare(entryDate(a.e)); c != 0 {
			return c
		}
		return b.e.Date.Compare(a.e.Date)
	})
	return out
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	Title     atomText `xml:"title"`
	ID        string   `xml:"id"`
	Link      atomLink `xml:"link"`
	Updated   string   `xml:"updated"`
	Published string   `xml:"published"`
	Summary   atomText `xml:"summary"`
	Category  struct {
		Term  string `xml:"term,attr"`
		Label string `xml:"label,attr"`
	} `xml:"category"`
}

type atomFeed struct {
	XMLName xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string     `xml:"xml:lang,attr"`
	Title   string     `xml:"title"`
	Sub     string     `xml:"subtitle"`
	ID      string     `xml:"id"`
	Links   []atomLink `xml:"link"`
	Updated string     `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

// atom writes language v's Atom feed.
func (in *inputs) atom(v *langViews) ([]byte, error) {
	l := v.l
	home := in.abs(l.Prefix + "/")
	f := atomFeed{Lang: l.Code, Title: v.siteTitle, Sub: v.siteDescription, ID: home, Updated: rfc3339(in.c.Site.AsOf),
		Links: []atomLink{{"self", "application/atom+xml", in.abs(feedPath(l, "xml"))}, {"alternate", "text/html", home}}}
	f.Author.Name = v.siteTitle
	entries := in.feedEntries(v)
	if len(entries) > 0 {
		f.Updated = rfc3339(entryDate(entries[0].e))
	}
	for _, fe := range entries {
		u, date := in.abs(fe.v.URL), rfc3339(entryDate(fe.e))
		e := atomEntry{Title: atomText{"text", fe.v.Title}, ID: u, Link: atomLink{"alternate", "text/html", u},
			Updated: date, Published: date, Summary: atomText{"text", fe.text()}}
		e.Category.Term, e.Category.Label = fe.v.Kind, fe.v.KindLabel
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(f); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// jsonFeed writes language v's JSON Feed.
func (in *inputs) jsonFeed(v *langViews) ([]byte, error) {
	type item struct {
		ID            string   `json:"id"`
		URL           string   `json:"url"`
		Title         string   `json:"title"`
		ContentText   string   `json:"content_text"`
		Summary       string   `json:"summary"`
		DatePublished string   `json:"date_published"`
		Language      string   `json:"language"`
		Tags          []string `json:"tags"`
	}
	type feed struct {
		Version     string `json:"version"`
		Title       string `json:"title"`
		HomePageURL string `json:"home_page_url"`
		FeedURL     string `json:"feed_url"`
		Description string `json:"description"`
		Language    string `json:"language"`
		Items       []item `json:"items"`
	}
	l := v.l
	f := feed{Version: "https://jsonfeed.org/version/1.1", Title: v.siteTitle, HomePageURL: in.abs(l.Prefix + "/"),
		FeedURL: in.abs(feedPath(l, "json")), Description: v.siteDescription, Language: l.Code, Items: []item{}}
	for _, fe := range in.feedEntries(v) {
		u := in.abs(fe.v.URL)
		f.Items = append(f.Items, item{ID: u, URL: u, Title: fe.v.Title, Summary: fe.v.Summary, ContentText: fe.text(),
			DatePublished: rfc3339(entryDate(fe.e)), Language: fe.v.TextLang, Tags: []string{fe.e.Kind, fe.e.Country}})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(f)
	return buf.Bytes(), err
}
