package site

import (
	"cmp"
	"html/template"
	"slices"

	"clearviewtimeline/gen/internal/chart"
	"clearviewtimeline/gen/internal/content"
)

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

func kindClass(kind string) string {
	switch kind {
	case "fine", "penalty":
		return "k-fine"
	case "ruling", "appeal":
		return "k-court"
	}
	return "k-other"
}

// CountryYears is the table behind the time-axis chart: the number of
// events of each country in each year.
type CountryYears struct {
	Years []int
	Rows  []CountryYearsRow
}

// CountryYearsRow is one country's counts.
type CountryYearsRow struct {
	Code, Name, URL string
	Counts          []int
	Total           int
}

func (d *pageData) yearSpan() (int, int) {
	evs := d.s.events[d.L.Code]
	if len(evs) == 0 {
		return d.s.now.Y, d.s.now.Y
	}
	return evs[0].E.Date.Y, evs[len(evs)-1].E.Date.Y
}

// ByCountryYear counts the events by country and year.
func (d *pageData) ByCountryYear() CountryYears {
	from, to := d.yearSpan()
	var t CountryYears
	for y := from; y <= to; y++ {
		t.Years = append(t.Years, y)
	}
	index := map[string]int{}
	for _, v := range d.s.events[d.L.Code] {
		code := v.E.Country[:2]
		i, ok := index[code]
		if !ok {
			i = len(t.Rows)
			index[code] = i
			t.Rows = append(t.Rows, CountryYearsRow{Code: code, Name: d.L.Country(code), URL: v.CountryURL, Counts: make([]int, len(t.Years))})
		}
		t.Rows[i].Counts[v.E.Date.Y-from]++
		t.Rows[i].Total++
	}
	return t
}

// TimelineChart draws the events on a time axis, one row per country, in
// the order of each country's first event.
func (d *pageData) TimelineChart() template.HTML {
	from, to := d.yearSpan()
	var rows []chart.Row
	index := map[string]int{}
	for _, v := range d.s.events[d.L.Code] {
		code := v.E.Country[:2]
		i, ok := index[code]
		if !ok {
			i = len(rows)
			index[code] = i
			rows = append(rows, chart.Row{Label: d.L.Country(code)})
		}
		class := kindClass(v.E.Kind)
		if v.E.Context {
			class += " context"
		}
		rows[i].Points = append(rows[i].Points, chart.Point{T: yearFraction(v.E.Date), Class: class,
			Label: v.Date + " — " + v.Kind + " — " + v.Authority.Label})
	}
	return template.HTML(chart.Timeline(d.L.T("chart_timeline"), rows, from, to))
}

// CurrencyBars is the bar chart of one currency's fines by country.
type CurrencyBars struct {
	Currency string
	SVG      template.HTML
}

// FinesBars draws the fines and penalties imposed, by country, one chart
// per currency: amounts in different currencies share no scale.
func (d *pageData) FinesBars() []CurrencyBars {
	f := d.Figures()
	byCur := map[string][]chart.Bar{}
	for _, cf := range f.Countries {
		var evs []*content.Event
		for _, r := range cf.Rows {
			evs = append(evs, r.E)
		}
		for _, m := range Sum(evs) {
			byCur[m.Currency] = append(byCur[m.Currency], chart.Bar{Label: cf.Name, Value: m.Value, Text: d.L.Money(m)})
		}
	}
	var out []CurrencyBars
	for cur, bars := range byCur {
		slices.SortStableFunc(bars, func(a, b chart.Bar) int { return cmp.Compare(b.Value, a.Value) })
		out = append(out, CurrencyBars{Currency: cur, SVG: template.HTML(chart.Bars(d.L.Tf("chart_bars", "currency", d.L.Locale.Symbol(cur)), bars))})
	}
	slices.SortFunc(out, func(a, b CurrencyBars) int { return cmp.Compare(len(byCur[b.Currency]), len(byCur[a.Currency])) })
	return out
}

// CumulativeChart draws the running total of the fines and penalties in
// the currency most of them are in, and names what it leaves out.
func (d *pageData) CumulativeChart() template.HTML {
	f := d.Figures()
	count := map[string]int{}
	for _, r := range f.Rows {
		count[r.E.Amount.Currency]++
	}
	main := ""
	for c, n := range count {
		if main == "" || n > count[main] || n == count[main] && c < main {
			main = c
		}
	}
	var steps []chart.Step
	var total int64
	for _, r := range f.Rows {
		if r.E.Amount.Currency != main {
			continue
		}
		total += r.E.Amount.Value
		steps = append(steps, chart.Step{T: yearFraction(r.E.Date), Total: total,
			Label: r.Date + " — " + r.CountryName + " — " + r.Amount + " → " + d.L.Money(content.Money{Value: total, Currency: main})})
	}
	from, to := d.yearSpan()
	label := func(v int64) string { return d.L.Money(content.Money{Value: v, Currency: main}) }
	return template.HTML(chart.Cumulative(d.L.Tf("chart_cumulative", "currency", d.L.Locale.Symbol(main)), steps, from, to, label))
}
