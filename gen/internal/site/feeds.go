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
	// Written by hand: encoding/xml's reflection was most of the time.
	var buf bytes.Buffer
	esc := func(v string) { xml.EscapeText(&buf, []byte(v)) }
	elem := func(name, typ, text string) {
		buf.WriteString("<" + name)
		if typ != "" {
			buf.WriteString(` type="` + typ + `"`)
		}
		buf.WriteString(">")
		esc(text)
		buf.WriteString("</" + name + ">")
	}
	link := func(rel, typ, href string) {
		buf.WriteString(`<link rel="` + rel + `" type="` + typ + `" href="`)
		esc(href)
		buf.WriteString(`"></link>`)
	}
	evs := s.feedEvents(l)
	updated := rfc3339(s.c.Site.AsOf)
	if len(evs) > 0 {
		updated = rfc3339(entryDate(evs[0].E))
	}
	buf.Grow(1024 + len(evs)*1024)
	buf.WriteString(xml.Header)
	buf.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="`)
	esc(l.Code)
	buf.WriteString(`">`)
	elem("title", "", s.siteTitle(l))
	elem("subtitle", "", s.siteDescription(l))
	elem("id", "", s.abs(s.home(l)))
	link("self", "application/atom+xml", s.abs(feedPath(l, "xml")))
	link("alternate", "text/html", s.abs(s.home(l)))
	elem("updated", "", updated)
	buf.WriteString("<author>")
	elem("name", "", s.siteTitle(l))
	buf.WriteString("</author>")
	for _, v := range evs {
		buf.WriteString("<entry>")
		elem("title", "text", v.Title)
		elem("id", "", s.abs(v.URL))
		link("alternate", "text/html", s.abs(v.URL))
		elem("updated", "", rfc3339(entryDate(v.E)))
		elem("published", "", rfc3339(entryDate(v.E)))
		elem("summary", "text", v.Date+" — "+v.CountryName+" — "+v.Authority.Label+" — "+v.Kind+amountSuffix(v)+". "+v.Summary)
		buf.WriteString(`<category term="`)
		esc(v.E.Kind)
		buf.WriteString(`" label="`)
		esc(v.Kind)
		buf.WriteString(`"></category></entry>`)
	}
	buf.WriteString("</feed>\n")
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
