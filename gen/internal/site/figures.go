package site

import (
	"cmp"
	"html/template"
	"maps"
	"slices"
	"strings"

	"timeline/gen/internal/chart"
	"timeline/gen/internal/content"
)

// Counted reports whether an event enters the sums of the figures page:
// the fines and liquidated penalties imposed on the subject, with an
// amount, in force or final. A sum under appeal is shown apart (Appealed):
// it is not payable while the appeal is pending. Quashed, withdrawn or
// superseded decisions and context events (actions against the subject's
// users) are left out.
func Counted(e *content.Event) bool {
	return sum(e) && (e.Status == "in-force" || e.Status == "final")
}

// Appealed reports whether an event's sum is under appeal.
func Appealed(e *content.Event) bool { return sum(e) && e.Status == "appealed" }

func sum(e *content.Event) bool {
	return (e.Kind == "fine" || e.Kind == "penalty") && !e.Context && e.Amount != nil
}

// Sum adds amounts per currency, in currency order.
func Sum(events []*content.Event) []content.Money {
	by := map[string]int64{}
	for _, e := range events {
		by[e.Amount.Currency] += e.Amount.Value
	}
	var out []content.Money
	for _, c := range slices.Sorted(maps.Keys(by)) {
		out = append(out, content.Money{Value: by[c], Currency: c, Qualifier: "exact"})
	}
	return out
}

// figures computes the figures page's sums and charts in language v.
func (in *inputs) figures(v *langViews) *Figures {
	l := v.l
	f := &Figures{}
	var all []*content.Event
	byCountry := map[string][]*content.Event{}
	for _, e := range in.c.Events {
		if Appealed(e) {
			f.Appealed = append(f.Appealed, v.byID[e.ID])
		}
		if !Counted(e) {
			continue
		}
		all = append(all, e)
		byCountry[e.Country[:2]] = append(byCountry[e.Country[:2]], e)
		switch e.Paid {
		case "paid":
			f.Paid++
		case "unpaid":
			f.Unpaid++
		default:
			f.Unknown++
		}
	}
	// One bar chart per currency: amounts in different currencies share
	// no scale.
	byCur := map[string][]chart.Bar{}
	for code, events := range byCountry {
		cf := CountryFigures{Code: code, Name: l.Country(code), URL: v.byID[events[0].ID].CountryURL}
		for _, e := range events {
			cf.Rows = append(cf.Rows, v.byID[e.ID])
		}
		for _, m := range Sum(events) {
			cf.Totals = append(cf.Totals, l.Money(m))
			byCur[m.Currency] = append(byCur[m.Currency], chart.Bar{Label: cf.Name, Value: m.Value, Text: l.Money(m)})
		}
		f.Countries = append(f.Countries, cf)
	}
	slices.SortFunc(f.Countries, func(a, b CountryFigures) int { return strings.Compare(a.Name, b.Name) })
	for _, m := range Sum(all) {
		f.Totals = append(f.Totals, l.Money(m))
	}
	for cur, bars := range byCur {
		slices.SortFunc(bars, func(a, b chart.Bar) int {
			return cmp.Or(cmp.Compare(b.Value, a.Value), strings.Compare(a.Label, b.Label))
		})
		f.Bars = append(f.Bars, CurrencyBars{Currency: cur, SVG: template.HTML(chart.Bars(l.Tf("chart_bars", "currency", l.Locale.Symbol(cur)), bars))})
	}
	slices.SortFunc(f.Bars, func(a, b CurrencyBars) int {
		return cmp.Or(cmp.Compare(len(byCur[b.Currency]), len(byCur[a.Currency])), cmp.Compare(a.Currency, b.Currency))
	})
	f.Cumulative = in.cumulativeChart(v, all)
	// Past per_page decisions the table gives each country's total alone;
	// the country's page lists its decisions.
	if per := in.c.Site.PerPage; len(all) > per {
		for i := range f.Countries {
			f.Countries[i].Rows = nil
		}
		f.Summarised, f.Appealed = true, latestOf(f.Appealed, per)
	}
	return f
}
