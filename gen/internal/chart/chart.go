// Package chart draws the site's charts as inline SVG at build time, so
// that the browser needs no chart library and no script. Each chart is
// drawn from plain values; the page shows the same numbers in a table.
//
// The SVG uses classes only (no style attributes, so the site's Content
// Security Policy needs no unsafe-inline) and the page's stylesheet colours
// it, in light and dark themes alike.
package chart

import (
	"fmt"
	"html"
	"strings"
)

// Point is one mark on the time axis.
type Point struct {
	// T is the date as a fraction of years, e.g. 2022.79 for 17 October 2022.
	T float64
	// Class colours the mark (for example the event's kind group).
	Class string
	// Label is the mark's text for the title tooltip.
	Label string
}

// Row is one line of the time-axis chart: a label and its marks.
type Row struct {
	Label  string
	Points []Point
}

// Timeline draws rows of marks on a shared time axis from the year from
// to the year to (inclusive). title is the chart's accessible name.
func Timeline(title string, rows []Row, from, to int) string {
	const (
		left, right = 150.0, 16.0
		top, rowH   = 28.0, 26.0
		width       = 760.0
	)
	if to < from {
		to = from
	}
	height := top + rowH*float64(len(rows)) + 8
	x := func(t float64) float64 {
		return left + (t-float64(from))/float64(to+1-from)*(width-left-right)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart chart-timeline" viewBox="0 0 %g %g" role="img" aria-label="%s"><title>%s</title>`,
		width, height, html.EscapeString(title), html.EscapeString(title))
	for y := from; y <= to+1; y++ {
		xx := x(float64(y))
		fmt.Fprintf(&b, `<line class="grid" x1="%.1f" y1="%g" x2="%.1f" y2="%g"/>`, xx, top-6, xx, height-8)
		if y <= to {
			fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="%g">%d</text>`, xx+4, top-10, y)
		}
	}
	for i, r := range rows {
		cy := top + rowH*float64(i) + rowH/2
		fmt.Fprintf(&b, `<text class="label" x="%g" y="%.1f">%s</text>`, left-8, cy+4, html.EscapeString(r.Label))
		fmt.Fprintf(&b, `<line class="row" x1="%g" y1="%.1f" x2="%g" y2="%.1f"/>`, left, cy, width-right, cy)
		for _, p := range r.Points {
			fmt.Fprintf(&b, `<circle class="%s" cx="%.1f" cy="%.1f" r="6"><title>%s</title></circle>`,
				html.EscapeString(p.Class), x(p.T), cy, html.EscapeString(p.Label))
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// Bar is one bar of a bar chart.
type Bar struct {
	Label string
	Value int64
	// Text is the value as written in the page's language.
	Text string
}

// Bars draws horizontal bars scaled to the largest value. All the values
// must be in one unit: amounts in different currencies are drawn as
// separate charts, never on one scale.
func Bars(title string, bars []Bar) string {
	const (
		left, right = 150.0, 150.0
		barH, gap   = 22.0, 10.0
		width       = 760.0
	)
	var maxV int64 = 1
	for _, bar := range bars {
		maxV = max(maxV, bar.Value)
	}
	height := (barH+gap)*float64(len(bars)) + gap
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart chart-bars" viewBox="0 0 %g %g" role="img" aria-label="%s"><title>%s</title>`,
		width, height, html.EscapeString(title), html.EscapeString(title))
	for i, bar := range bars {
		y := gap + float64(i)*(barH+gap)
		w := float64(bar.Value) / float64(maxV) * (width - left - right)
		fmt.Fprintf(&b, `<text class="label" x="%g" y="%.1f">%s</text>`, left-8, y+barH/2+5, html.EscapeString(bar.Label))
		fmt.Fprintf(&b, `<rect class="bar" x="%g" y="%.1f" width="%.1f" height="%g"/>`, left, y, w, barH)
		fmt.Fprintf(&b, `<text class="value" x="%.1f" y="%.1f">%s</text>`, left+w+6, y+barH/2+5, html.EscapeString(bar.Text))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// Step is one step of a cumulative chart: at time T the running total
// becomes Total.
type Step struct {
	T     float64
	Total int64
	Label string
}

// Cumulative draws a running total as a step line over the years from
// to to, with a mark and a title at each step.
func Cumulative(title string, steps []Step, from, to int, yLabel func(int64) string) string {
	const (
		left, right  = 110.0, 16.0
		top, bottom  = 16.0, 28.0
		width, plotH = 760.0, 220.0
	)
	var maxV int64 = 1
	for _, s := range steps {
		maxV = max(maxV, s.Total)
	}
	height := top + plotH + bottom
	x := func(t float64) float64 {
		return left + (t-float64(from))/float64(to+1-from)*(width-left-right)
	}
	y := func(v int64) float64 { return top + plotH - float64(v)/float64(maxV)*plotH }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart chart-cumulative" viewBox="0 0 %g %g" role="img" aria-label="%s"><title>%s</title>`,
		width, height, html.EscapeString(title), html.EscapeString(title))
	for yr := from; yr <= to+1; yr++ {
		xx := x(float64(yr))
		fmt.Fprintf(&b, `<line class="grid" x1="%.1f" y1="%g" x2="%.1f" y2="%g"/>`, xx, top, xx, top+plotH)
		if yr <= to {
			fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="%g">%d</text>`, xx+4, top+plotH+18, yr)
		}
	}
	for _, v := range []int64{0, maxV / 2, maxV} {
		fmt.Fprintf(&b, `<line class="grid" x1="%g" y1="%.1f" x2="%g" y2="%.1f"/>`, left, y(v), width-right, y(v))
		fmt.Fprintf(&b, `<text class="label" x="%g" y="%.1f">%s</text>`, left-8, y(v)+4, html.EscapeString(yLabel(v)))
	}
	var path strings.Builder
	fmt.Fprintf(&path, "M%.1f %.1f", x(float64(from)), y(0))
	for _, s := range steps {
		fmt.Fprintf(&path, "H%.1f V%.1f", x(s.T), y(s.Total))
	}
	fmt.Fprintf(&path, "H%.1f", x(float64(to+1)))
	fmt.Fprintf(&b, `<path class="step" d="%s"/>`, path.String())
	for _, s := range steps {
		fmt.Fprintf(&b, `<circle class="mark" cx="%.1f" cy="%.1f" r="5"><title>%s</title></circle>`, x(s.T), y(s.Total), html.EscapeString(s.Label))
	}
	b.WriteString(`</svg>`)
	return b.String()
}
