package site

import (
	"cmp"
	"slices"
	"strings"

	"clearviewtimeline/gen/internal/content"
)

// Figures are the sums of the figures page, computed from the events:
// the fines and liquidated penalties imposed on Clearview, by country, in
// each decision's own currency (never converted), and what is known of
// their payment. Context events (actions against Clearview's users) and
// quashed decisions are left out.
type Figures struct {
	Countries []CountryFigures
	// Totals is the sum of all countries, one amount per currency.
	Totals []string
	// Rows are the decisions counted, in date order.
	Rows []*EventView
	// Unpaid counts the decisions known to be unpaid; Paid those known to
	// be paid; the rest are unknown.
	Paid, Unpaid, Unknown int
}

// CountryFigures are one country's sums.
type CountryFigures struct {
	Code, Name, URL string
	Rows            []*EventView
	Totals          []string // one per currency
}

// Counted reports whether an event enters the sums.
func Counted(e *content.Event) bool {
	return (e.Kind == "fine" || e.Kind == "penalty") && !e.Context && e.Amount != nil && e.Status != "quashed"
}

// Sum adds amounts per currency, in currency order.
func Sum(events []*content.Event) []content.Money {
	by := map[string]int64{}
	for _, e := range events {
		by[e.Amount.Currency] += e.Amount.Value
	}
	var out []content.Money
	for c, v := range by {
		out = append(out, content.Money{Value: v, Currency: c, Qualifier: "exact"})
	}
	slices.SortFunc(out, func(a, b content.Money) int { return cmp.Compare(a.Currency, b.Currency) })
	return out
}

// Figures computes the figures page's sums in the page's language.
func (d *pageData) Figures() *Figures {
	f := &Figures{}
	byCountry := map[string]*CountryFigures{}
	var all []*content.Event
	perCountry := map[string][]*content.Event{}
	for _, v := range d.s.events[d.L.Code] {
		if !Counted(v.E) {
			continue
		}
		code := v.E.Country[:2]
		cf := byCountry[code]
		if cf == nil {
			cf = &CountryFigures{Code: code, Name: d.L.Country(code), URL: v.CountryURL}
			byCountry[code] = cf
		}
		cf.Rows = append(cf.Rows, v)
		f.Rows = append(f.Rows, v)
		all = append(all, v.E)
		perCountry[code] = append(perCountry[code], v.E)
		switch v.E.Paid {
		case "paid":
			f.Paid++
		case "unpaid":
			f.Unpaid++
		default:
			f.Unknown++
		}
	}
	for code, cf := range byCountry {
		for _, m := range Sum(perCountry[code]) {
			cf.Totals = append(cf.Totals, d.L.Money(m))
		}
		f.Countries = append(f.Countries, *cf)
	}
	slices.SortFunc(f.Countries, func(a, b CountryFigures) int { return strings.Compare(a.Name, b.Name) })
	for _, m := range Sum(all) {
		f.Totals = append(f.Totals, d.L.Money(m))
	}
	return f
}
