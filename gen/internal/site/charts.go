package site

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"

	"timeline/gen/internal/chart"
	"timeline/gen/internal/content"
)

// The charts are drawn by package chart, which escapes their text: they
// are shown as trusted HTML.

// yearFraction places a date on a year axis: the middle of its month or
// year when the day or month is not known.
func yearFraction(d content.Date) float64 {
	switch d.Prec {
	case content.Year:
		return float64(d.Y) + 0.5
	case content.Month:
		return float64(d.Y) + (float64(d.M)-0.5)/12
	}
	return float64(d.Y) + (float64(d.M)-1)/12 + (float64(d.D)-0.5)/365
}

// kindClasses colour the marks of the time-axis chart by kind; the other
// kinds are k-other.
var kindClasses = map[string]string{"fine": "k-fine", "penalty": "k-fine", "ruling": "k-court", "appeal": "k-court"}

// denseAt is the most events of a country in a year that the time-axis
// chart draws one by one.
const denseAt = 12

// maxSteps is the most steps the cumulative chart draws one by one.
const maxSteps = 200

// yearSpan is the first and last year of the events.
func (in *inputs) yearSpan() (int, int) {
	evs := in.c.Events
	if len(evs) == 0 {
		return in.now.Y, in.now.Y
	}
	return evs[0].Date.Y, evs[len(evs)-1].Date.Y
}

// countryYears draws the events on a time axis, one row per country in
// the order of each country's first event, and counts them by country and
// year for the table that goes with the chart.
func (in *inputs) countryYears(v *langViews) (template.HTML, *CountryYears) {
	from, to := in.yearSpan()
	t := &CountryYears{}
	for y := from; y <= to; y++ {
		t.Years = append(t.Years, y)
	}
	var rows []chart.Row
	index := map[string]int{}
	for i, ev := range v.events {
		e := in.c.Events[i]
		code := e.Country[:2]
		r, ok := index[code]
		if !ok {
			r = len(rows)
			index[code] = r
			rows = append(rows, chart.Row{Label: v.l.Country(code)})
			t.Rows = append(t.Rows, CountryYearsRow{Code: code, Name: v.l.Country(code), URL: ev.CountryURL, Counts: make([]int, len(t.Years))})
		}
		t.Rows[r].Counts[ev.Year-from]++
		t.Rows[r].Total++
		class := cmp.Or(kindClasses[e.Kind], "k-other")
		if e.Context {
			class += " context"
		}
		rows[r].Points = append(rows[r].Points, chart.Point{T: yearFraction(e.Date), Class: class,
			Label: ev.Date + " — " + ev.KindLabel + " — " + ev.Authority.Label})
	}
	// Past denseAt events of a country in a year, a dot each would hide
	// them: each country's year is one mark, sized by its count.
	if t.Dense = slices.ContainsFunc(t.Rows, func(r CountryYearsRow) bool { return slices.Max(r.Counts) > denseAt }); t.Dense {
		for i, r := range t.Rows {
			rows[i].Points = nil
			for j, n := range r.Counts {
				if n > 0 {
					rows[i].Points = append(rows[i].Points, chart.Point{T: float64(t.Years[j]) + 0.5, Class: "k-other", Count: n,
						Label: strconv.Itoa(t.Years[j]) + " — " + r.Name + " — " + v.l.Plural("events", n)})
				}
			}
		}
	}
	return template.HTML(chart.Timeline(v.l.word("chart_timeline"), rows, from, to)), t
}

// cumulativeChart draws the running total of the counted events in the
// currency most of them are in, and names what it leaves out.
func (in *inputs) cumulativeChart(v *langViews, counted []*content.Event) template.HTML {
	count := map[string]int{}
	for _, e := range counted {
		count[e.Amount.Currency]++
	}
	main := ""
	for c, n := range count {
		if main == "" || n > count[main] || n == count[main] && c < main {
			main = c
		}
	}
	l := v.l
	money := func(v int64) string { return l.Money(content.Money{Value: v, Currency: main}) }
	var steps []chart.Step
	var total int64
	for _, e := range counted {
		if e.Amount.Currency != main {
			continue
		}
		total += e.Amount.Value
		ev := v.byID[e.ID]
		steps = append(steps, chart.Step{T: yearFraction(e.Date), Total: total,
			Label: ev.Date + " — " + ev.CountryName + " — " + ev.Amount + " → " + money(total)})
	}
	// Past maxSteps decisions, the chart steps once a month.
	if len(steps) > maxSteps {
		var merged []chart.Step
		for i, s := range steps {
			if month := int(s.T * 12); i > 0 && int(merged[len(merged)-1].T*12) == month {
				merged[len(merged)-1] = chart.Step{T: s.T, Total: s.Total, Label: money(s.Total)}
				continue
			}
			merged = append(merged, s)
		}
		steps = merged
	}
	from, to := in.yearSpan()
	return template.HTML(chart.Cumulative(l.Tf("chart_cumulative", "currency", l.Locale.Symbol(main)), steps, from, to, money))
}
