package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"slices"
	"time"

	"timeline/gen/internal/content"
)

// Feeds: an Atom feed and a JSON Feed per language, newest event first.
// Entry dates are the events' own (publication day, else decision day),
// never the time of the build.

// feedPath is where a language's feeds are: /feed.xml, /en/feed.xml.
func feedPath(l *Lang, ext string) string { return l.Prefix + "/feed." + ext }

func rfc3339(d content.Date) string { return d.Time().Format(time.RFC3339) }

// feedView is what a language's feeds say, newest event first: plain
// data, the view of both the Atom feed and the JSON Feed.
type feedView struct {
	Lang, Title, Description, Home, Atom, JSON string
	// Updated is the newest entry's date, or the review day without any.
	Updated string
	Entries []feedEntry
}

// feedEntry is an event as the feeds list it.
type feedEntry struct {
	URL, Title, Summary string
	// Text is what a feed says of the event beside its title.
	Text string
	// Date is when it became known, Updated its latest correction, else
	// Date; both RFC 3339.
	Date, Updated   string
	Kind, KindLabel string
	Country, Lang   string
}

// feedView lists language v's events, newest first.
func (in *inputs) feedView(v *langViews) *feedView {
	l := v.l
	f := &feedView{Lang: l.Code, Title: v.siteTitle, Description: v.siteDescription, Home: in.abs(l.Prefix + "/"),
		Atom: in.abs(feedPath(l, "xml")), JSON: in.abs(feedPath(l, "json")), Updated: rfc3339(in.c.Site.AsOf)}
	events := slices.Clone(in.c.Events)
	slices.SortStableFunc(events, func(a, b *content.Event) int {
		if c := entryDate(b).Compare(entryDate(a)); c != 0 {
			return c
		}
		return b.Date.Compare(a.Date)
	})
	for _, e := range events {
		ev := v.byID[e.ID]
		text := ev.Date + " — " + ev.CountryName + " — " + ev.Authority.Label + " — " + ev.KindLabel
		if ev.Amount != "" {
			text += " — " + ev.Amount
		}
		updated := entryDate(e)
		for _, u := range e.Updates {
			if u.Date.Compare(updated) > 0 {
				updated = u.Date
			}
		}
		fe := feedEntry{URL: in.abs(ev.URL), Title: ev.Title, Summary: ev.Summary, Text: text + ". " + ev.Summary,
			Date: rfc3339(entryDate(e)), Updated: rfc3339(updated), Kind: e.Kind, KindLabel: ev.KindLabel, Country: e.Country, Lang: ev.TextLang}
		f.Entries = append(f.Entries, fe)
		if len(f.Entries) == 1 || fe.Updated > f.Updated {
			f.Updated = fe.Updated
		}
	}
	return f
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

// atom writes the Atom feed.
func (f *feedView) atom() ([]byte, error) {
	a := atomFeed{Lang: f.Lang, Title: f.Title, Sub: f.Description, ID: f.Home, Updated: f.Updated,
		Links: []atomLink{{"self", "application/atom+xml", f.Atom}, {"alternate", "text/html", f.Home}}}
	a.Author.Name = f.Title
	for _, fe := range f.Entries {
		e := atomEntry{Title: atomText{"text", fe.Title}, ID: fe.URL, Link: atomLink{"alternate", "text/html", fe.URL},
			Updated: fe.Updated, Published: fe.Date, Summary: atomText{"text", fe.Text}}
		e.Category.Term, e.Category.Label = fe.Kind, fe.KindLabel
		a.Entries = append(a.Entries, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(a); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// jsonFeed writes the JSON Feed.
func (f *feedView) jsonFeed() ([]byte, error) {
	type item struct {
		ID            string   `json:"id"`
		URL           string   `json:"url"`
		Title         string   `json:"title"`
		ContentText   string   `json:"content_text"`
		Summary       string   `json:"summary"`
		DatePublished string   `json:"date_published"`
		DateModified  string   `json:"date_modified,omitempty"`
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
	j := feed{Version: "https://jsonfeed.org/version/1.1", Title: f.Title, HomePageURL: f.Home,
		FeedURL: f.JSON, Description: f.Description, Language: f.Lang, Items: []item{}}
	for _, fe := range f.Entries {
		j.Items = append(j.Items, item{ID: fe.URL, URL: fe.URL, Title: fe.Title, Summary: fe.Summary, ContentText: fe.Text,
			DatePublished: fe.Date, Language: fe.Lang, Tags: []string{fe.Kind, fe.Country}})
		if fe.Updated != fe.Date {
			j.Items[len(j.Items)-1].DateModified = fe.Updated
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(j)
	return buf.Bytes(), err
}
