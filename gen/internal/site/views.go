package site

import (
	"html/template"
	"strconv"

	"clearviewtimeline/gen/internal/content"
)

// EventView is an event as the pages of one language show it.
type EventView struct {
	E    *content.Event
	L    *Lang
	Text *content.Text
	// URL is the event page's path, e.g. /evenements/2022-10-17-cnil-sanction/.
	URL  string
	Body template.HTML
	// Title, Summary and Caveats are the text's, set in the language's
	// typography.
	Title, Summary string
	Caveats        []string
	// Sources are the event's, each title and publisher set in the
	// typography of the source's own language.
	Sources   []content.Source
	Authority AuthorityView
	// Upcoming is true when the event's date is after the site's "now".
	Upcoming bool
	// Chain is the case the event belongs to: itself and every event
	// reachable through related, in date order.
	Chain      []*EventView
	Prev, Next *EventView
	// Facets are the facet pages listing this event.
	CountryURL, KindURL, YearURL string
	// Card is the event as the timeline and the facet pages list it,
	// rendered once for all of them.
	Card template.HTML

	// The event's words in the page's language, computed once (fields,
	// not methods: every page reads them, and a template reads a field
	// for a fraction of the cost of calling a method).

	// Date is the decision date in words.
	Date string
	// Published is the publication date in words, or "".
	Published string
	// Amount is the amount in words, or "".
	Amount string
	// CountryName names the event's country.
	CountryName string
	// Kind is the label of the event's kind.
	Kind string
	// Status is the label of the event's status.
	Status string
	// Year is the event's year, for grouping.
	Year int
	// Uncertain is true when the event is not confirmed by the
	// authority's own text.
	Uncertain bool
}

// words computes the event's words in its language.
func (v *EventView) words() {
	v.Date, v.Published = v.L.Date(v.E.Date), v.L.Date(v.E.Published)
	if v.E.Amount != nil {
		v.Amount = v.L.Money(*v.E.Amount)
	}
	v.CountryName, v.Kind, v.Status = v.L.Country(v.E.Country), v.L.Kind(v.E.Kind), v.L.Status(v.E.Status)
	v.Year = v.E.Date.Y
	v.Uncertain = v.E.Confirmation != "confirmed"
}

// AuthorityView is an authority's name in one language.
type AuthorityView struct {
	Key, Name, Abbr, URL, Country string
	// Label is the authority's short name when it has one, else its name.
	Label string
	// FacetURL lists the authority's events.
	FacetURL string
}

// Lang is the language the event's text is written in: the default
// language when the translation is missing.
func (v *EventView) Lang(defaultLang string) string {
	if v.Text.Fallback {
		return defaultLang
	}
	return v.L.Code
}

// Primary lists the sources that are the authority's own text.
func (v *EventView) Primary() []content.Source {
	var out []content.Source
	for _, s := range v.E.Sources {
		if s.Primary {
			out = append(out, s)
		}
	}
	return out
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

// Penalty is the penalty in words, or nil.
func (v *EventView) Penalty() *PenaltyView {
	p := v.E.Penalty
	if p == nil {
		return nil
	}
	pv := &PenaltyView{}
	if p.Rate != nil {
		pv.Rate = v.L.Money(*p.Rate)
	}
	if p.Cap != nil {
		pv.Cap = v.L.Money(*p.Cap)
	}
	if p.Total != nil {
		pv.Total = v.L.Money(*p.Total)
	}
	if !p.From.IsZero() {
		pv.From, pv.To = v.L.Date(p.From), v.L.Date(p.To)
		pv.Inclusive, pv.Exclusive = v.L.Number(p.Inclusive), v.L.Number(p.Exclusive)
		pv.CountQuestion = p.Days != p.Inclusive
	}
	if p.Days > 0 {
		pv.Days = v.L.Number(p.Days)
	}
	return pv
}

// facetValue is a value of a facet and the events that have it.
type facetValue struct {
	Key, Label, URL string
	Events          []*EventView
}

// Count is the number of events, written in the page's language.
func (f facetValue) Count() int { return len(f.Events) }

// yearGroup is the events of one year on the timeline.
type yearGroup struct {
	Year   int
	ID     string
	Events []*EventView
}

func groupByYear(events []*EventView) []yearGroup {
	var out []yearGroup
	for _, e := range events {
		y := e.Year
		if len(out) == 0 || out[len(out)-1].Year != y {
			out = append(out, yearGroup{Year: y, ID: "y" + strconv.Itoa(y)})
		}
		out[len(out)-1].Events = append(out[len(out)-1].Events, e)
	}
	return out
}
