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

// entryDate is when an event became known: its publication day, else its
// decision day.
func entryDate(e *content.Event) content.Date {
	if !e.Published.IsZero() {
		return e.Published
	}
	return e.Date
}

func (s *state) feedEvents(l *Lang) []*EventView {
	evs := slices.Clone(s.events[l.Code])
	slices.SortStableFunc(evs, func(a, b *EventView) int {
		if c := entryDate(b.E).Compare(entryDate(a.E)); c != 0 {
			return c
		}
		return b.E.Date.Compare(a.E.Date)
	})
	return evs
}

func rfc3339(d content.Date) string { return d.Time().Format(time.RFC3339) }

// feedPath is where a language's feeds are: /feed.xml, /en/feed.xml.
func feedPath(l *Lang, ext string) string { return l.Prefix + "/feed." + ext }

func (s *state) atom(l *Lang) ([]byte, error) {
	type link struct {
		Rel  string `xml:"rel,attr,omitempty"`
		Type string `xml:"type,attr,omitempty"`
		Href string `xml:"href,attr"`
	}
	type text struct {
		Type string `xml:"type,attr,omitempty"`
		Body string `xml:",chardata"`
	}
	type entry struct {
		Title     text   `xml:"title"`
		ID        string `xml:"id"`
		Link      link   `xml:"link"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Summary   text   `xml:"summary"`
		Category  struct {
			Term  string `xml:"term,attr"`
			Label string `xml:"label,attr"`
		} `xml:"category"`
	}
	type feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Lang    string   `xml:"xml:lang,attr"`
		Title   string   `xml:"title"`
		Sub     string   `xml:"subtitle"`
		ID      string   `xml:"id"`
		Links   []link   `xml:"link"`
		Updated string   `xml:"updated"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []entry `xml:"entry"`
	}
	f := feed{Lang: l.Code, Title: s.siteTitle(l), Sub: s.siteDescription(l), ID: s.abs(s.home(l)),
		Links: []link{{Rel: "self", Type: "application/atom+xml", Href: s.abs(feedPath(l, "xml"))}, {Rel: "alternate", Type: "text/html", Href: s.abs(s.home(l))}}}
	f.Author.Name = s.siteTitle(l)
	evs := s.feedEvents(l)
	if len(evs) > 0 {
		f.Updated = rfc3339(entryDate(evs[0].E))
	} else {
		f.Updated = rfc3339(s.c.Site.AsOf)
	}
	for _, v := range evs {
		var e entry
		e.Title = text{Type: "text", Body: v.Title}
		e.ID = s.abs(v.URL)
		e.Link = link{Rel: "alternate", Type: "text/html", Href: s.abs(v.URL)}
		e.Updated, e.Published = rfc3339(entryDate(v.E)), rfc3339(entryDate(v.E))
		e.Summary = text{Type: "text", Body: v.Date + " — " + v.CountryName + " — " + v.Authority.Label + " — " + v.Kind + amountSuffix(v) + ". " + v.Summary}
		e.Category.Term, e.Category.Label = v.E.Kind, v.Kind
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

func amountSuffix(v *EventView) string {
	if a := v.Amount; a != "" {
		return " — " + a
	}
	return ""
}

func (s *state) jsonFeed(l *Lang) ([]byte, error) {
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
	f := feed{Version: "https://jsonfeed.org/version/1.1", Title: s.siteTitle(l), HomePageURL: s.abs(s.home(l)),
		FeedURL: s.abs(feedPath(l, "json")), Description: s.siteDescription(l), Language: l.Code, Items: []item{}}
	for _, v := range s.feedEvents(l) {
		lang := l.Code
		if v.Text.Fallback {
			lang = s.langs[0].Code
		}
		f.Items = append(f.Items, item{ID: s.abs(v.URL), URL: s.abs(v.URL), Title: v.Title, Summary: v.Summary,
			ContentText:   v.Date + " — " + v.CountryName + " — " + v.Authority.Label + " — " + v.Kind + amountSuffix(v) + ". " + v.Summary,
			DatePublished: rfc3339(entryDate(v.E)), Language: lang, Tags: []string{v.E.Kind, v.E.Country}})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(f)
	return buf.Bytes(), err
}
