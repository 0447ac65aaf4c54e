package site

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"slices"
	"time"

	"timeline/gen/internal/content"
)

// Feeds: an Atom feed and a JSON Feed per language, newest event first.
// An entry's date is when the event became known (publication day, else
// decision day), its update its latest correction, else that date; the
// feed's, the newest entry's, or the review day without any: never the
// time of the build.

// feedPath is where a language's feeds are: /feed.xml, /en/feed.xml.
func feedPath(l *Lang, ext string) string { return l.Prefix + "/feed." + ext }

func rfc3339(d content.Date) string { return d.Time().Format(time.RFC3339) }

// feedView is what a language's feeds say, newest event first: the Atom
// feed and the JSON Feed as they are encoded, plain data.
type feedView struct {
	Atom atomFeed
	JSON jsonFeedDoc
}

// feedView lists events of language v in the feeds at self (an Atom
// feed) and jsonSelf (a JSON Feed, or ""), whose page is home.
func (in *inputs) feedView(v *langViews, title, home, self, jsonSelf string, events []*content.Event) *feedView {
	home = in.abs(home)
	f := &feedView{
		Atom: atomFeed{Lang: v.l.Code, Title: title, Sub: v.siteDescription, ID: home, Updated: rfc3339(in.c.Site.AsOf),
			Links: []atomLink{{"self", "application/atom+xml", in.abs(self)}, {"alternate", "text/html", home}}},
		JSON: jsonFeedDoc{Version: "https://jsonfeed.org/version/1.1", Title: title, HomePageURL: home,
			FeedURL: in.abs(jsonSelf), Description: v.siteDescription, Language: v.l.Code, Items: []jsonFeedItem{}},
	}
	f.Atom.Author.Name = v.siteTitle
	events = slices.Clone(events)
	newest := func(a, b *content.Event) int {
		return cmp.Or(entryDate(b).Compare(entryDate(a)), b.Date.Compare(a.Date))
	}
	// A feed holds the latest feed_limit entries, a correction making an
	// entry new again; they are listed by when they became known.
	if n := in.c.Site.FeedLimit; len(events) > n {
		slices.SortStableFunc(events, func(a, b *content.Event) int {
			return cmp.Or(latest(entryDate(b), b.Updates).Compare(latest(entryDate(a), a.Updates)), newest(a, b))
		})
		events = events[:n]
	}
	slices.SortStableFunc(events, newest)
	for i, e := range events {
		ev := v.byID[e.ID]
		// What a feed says of the event beside its title.
		text := ev.Date + " — " + ev.CountryName + " — " + ev.Authority.Label + " — " + ev.KindLabel
		if ev.Amount != "" {
			text += " — " + ev.Amount
		}
		text += ". " + ev.Summary
		updated := latest(entryDate(e), e.Updates)
		url, published := in.abs(ev.URL), rfc3339(entryDate(e))
		a := atomEntry{Title: atomText{"text", ev.Title}, ID: url, Link: atomLink{"alternate", "text/html", url},
			Updated: rfc3339(updated), Published: published, Summary: atomText{"text", text}}
		a.Category.Term, a.Category.Label = e.Kind, ev.KindLabel
		f.Atom.Entries = append(f.Atom.Entries, a)
		item := jsonFeedItem{ID: url, URL: url, Title: ev.Title, Summary: ev.Summary, ContentText: text,
			DatePublished: published, Language: ev.TextLang, Tags: []string{e.Kind, e.Country}}
		if a.Updated != published {
			item.DateModified = a.Updated
		}
		f.JSON.Items = append(f.JSON.Items, item)
		if i == 0 || a.Updated > f.Atom.Updated {
			f.Atom.Updated = a.Updated
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

type jsonFeedItem struct {
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

type jsonFeedDoc struct {
	Version     string         `json:"version"`
	Title       string         `json:"title"`
	HomePageURL string         `json:"home_page_url"`
	FeedURL     string         `json:"feed_url"`
	Description string         `json:"description"`
	Language    string         `json:"language"`
	Items       []jsonFeedItem `json:"items"`
}

func (f *feedView) atom() ([]byte, error) { return encodeXML(f.Atom) }

func (f *feedView) jsonFeed() ([]byte, error) { return encodeJSON(f.JSON) }

// encodeXML writes v as an XML document, ending in a newline.
func encodeXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// encodeJSON writes v as JSON, without escaping <, > and &.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return buf.Bytes(), err
}
