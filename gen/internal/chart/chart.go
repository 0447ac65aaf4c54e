// Package chart draws the site's charts as inline SVG at build time, so
// that the browser needs no chart library and no script. Each chart is
// drawn from plain values; the page shows the same numbers in a table.
//
// Each chart is drawn twice, for a wide screen and for a narrow one (a
// phone), with the classes chart-wide and chart-narrow: the stylesheet
// shows one of the two, so that a phone sees every year at a size it can
// read, without scrolling sideways. The narrow time-axis chart runs down
// the page, one column per row of the wide one.
//
// The SVG uses classes only (no style attributes, so the site's Content
// Security Policy needs no unsafe-inline) and the page's stylesheet colours
// it, in light and dark themes alike.
package chart

import (
	"fmt"
	"html"
	"math"
	"strings"
	"unicode/utf8"
)

// charW is a generous width of one character of the charts' 13 px text,
// to leave room for labels whose width the browser alone knows.
const charW = 8.5

// open starts an SVG of the given size and classes, named by title.
func open(b *strings.Builder, class string, width, height float64, title string) {
	t := html.EscapeString(title)
	fmt.Fprintf(b, `<svg class="chart %s" viewBox="0 0 %g %g" role="img" aria-label="%s"><title>%s</title>`, class, width, height, t, t)
}

// largest is the largest of least and of f of each item.
func largest[T any, N int | int64](least N, items []T, f func(T) N) N {
	for _, it := range items {
		least = max(least, f(it))
	}
	return least
}

// Point is one mark on the time axis.
type Point struct {
	T     float64 // the date as a fraction of years, e.g. 2022.79 for 17 October 2022
	Class string  // colours the mark (for example the event's kind group)
	Label string  // the mark's text for the title tooltip
	// Count, when above 1, makes the mark stand for that many events: its
	// area grows with it and, across the page, the number is written
	// beside it.
	Count int
}

// radius is the radius of a mark of count events, r for one, among marks
// of at most most events.
func radius(count, most int, r float64) float64 {
	if count <= 1 {
		return r
	}
	return r + r*math.Sqrt(float64(count)/float64(most))
}

// Row is one line of the time-axis chart: a label and its marks.
type Row struct {
	Label  string
	Points []Point
}

// Timeline draws rows of marks on a shared time axis from the year from
// to the year to (inclusive), across the page for a wide screen and down
// it for a narrow one. title is the chart's accessible name.
func Timeline(title string, rows []Row, from, to int) string {
	to = max(to, from)
	most := 1 // events in one mark, at most
	for _, r := range rows {
		most = largest(most, r.Points, func(p Point) int { return p.Count })
	}
	var b strings.Builder
	timelineWide(&b, title, rows, from, to, most)
	timelineNarrow(&b, title, rows, from, to, most)
	return b.String()
}

func timelineWide(b *strings.Builder, title string, rows []Row, from, to, most int) {
	const (
		left, right = 150.0, 16.0
		top, rowH   = 28.0, 26.0
		width       = 760.0
	)
	height := top + rowH*float64(len(rows)) + 8
	x := func(t float64) float64 {
		return left + (t-float64(from))/float64(to+1-from)*(width-left-right)
	}
	open(b, "chart-timeline chart-wide", width, height, title)
	for y := from; y <= to+1; y++ {
		xx := x(float64(y))
		fmt.Fprintf(b, `<line class="grid" x1="%.1f" y1="%g" x2="%.1f" y2="%g"/>`, xx, top-6, xx, height-8)
		if y <= to {
			fmt.Fprintf(b, `<text class="axis" x="%.1f" y="%g">%d</text>`, xx+4, top-10, y)
		}
	}
	for i, r := range rows {
		cy := top + rowH*float64(i) + rowH/2
		fmt.Fprintf(b, `<text class="label" x="%g" y="%.1f">%s</text>`, left-8, cy+4, html.EscapeString(r.Label))
		fmt.Fprintf(b, `<line class="row" x1="%g" y1="%.1f" x2="%g" y2="%.1f"/>`, left, cy, width-right, cy)
		for _, p := range r.Points {
			rr := radius(p.Count, most, 6)
			fmt.Fprintf(b, `<circle class="%s" cx="%.1f" cy="%.1f" r="%.1f"><title>%s</title></circle>`,
				html.EscapeString(p.Class), x(p.T), cy, rr, html.EscapeString(p.Label))
			if p.Count > 1 {
				fmt.Fprintf(b, `<text class="count" x="%.1f" y="%.1f">%d</text>`, x(p.T)+rr+3, cy+4, p.Count)
			}
		}
	}
	b.WriteString(`</svg>`)
}

// timelineNarrow runs the time axis down the page: a year is a band, a row
// of the wide chart a column, named at its head by a label read upwards.
func timelineNarrow(b *strings.Builder, title string, rows []Row, from, to, most int) {
	const (
		left, right = 44.0, 8.0
		colW, yearH = 24.0, 64.0
	)
	top := float64(largest(0, rows, func(r Row) int { return utf8.RuneCountInString(r.Label) }))*charW + 14
	width := left + colW*float64(len(rows)) + right
	height := top + yearH*float64(to+1-from) + 8
	y := func(t float64) float64 { return top + (t-float64(from))*yearH }
	open(b, "chart-timeline chart-narrow", width, height, title)
	for yr := from; yr <= to+1; yr++ {
		yy := y(float64(yr))
		fmt.Fprintf(b, `<line class="grid" x1="4" y1="%.1f" x2="%g" y2="%.1f"/>`, yy, width-right, yy)
		if yr <= to {
			fmt.Fprintf(b, `<text class="axis" x="4" y="%.1f">%d</text>`, yy+17, yr)
		}
	}
	for i, r := range rows {
		cx := left + colW*float64(i) + colW/2
		fmt.Fprintf(b, `<text class="column" x="%.1f" y="%g" transform="rotate(-90 %.1f %g)">%s</text>`,
			cx+4, top-6, cx+4, top-6, html.EscapeString(r.Label))
		fmt.Fprintf(b, `<line class="row" x1="%.1f" y1="%g" x2="%.1f" y2="%g"/>`, cx, top, cx, height-8)
		for _, p := range r.Points {
			fmt.Fprintf(b, `<circle class="%s" cx="%.1f" cy="%.1f" r="%.1f"><title>%s</title></circle>`,
				html.EscapeString(p.Class), cx, y(p.T), radius(p.Count, most, 5), html.EscapeString(p.Label))
		}
	}
	b.WriteString(`</svg>`)
}

// Bar is one bar of a bar chart.
type Bar struct {
	Label string
	Value int64
	Text  string // the value as written in the page's language
}

// Bars draws horizontal bars scaled to the largest value, with the labels
// beside the bars on a wide screen and above them on a narrow one. All the
// values must be in one unit: amounts in different currencies are drawn as
// separate charts, never on one scale.
func Bars(title string, bars []Bar) string {
	maxV := largest(1, bars, func(b Bar) int64 { return b.Value })
	var b strings.Builder
	const (
		left, right = 150.0, 150.0
		barH, gap   = 22.0, 10.0
		width       = 760.0
	)
	open(&b, "chart-bars chart-wide", width, (barH+gap)*float64(len(bars))+gap, title)
	for i, bar := range bars {
		y := gap + float64(i)*(barH+gap)
		w := float64(bar.Value) / float64(maxV) * (width - left - right)
		fmt.Fprintf(&b, `<text class="label" x="%g" y="%.1f">%s</text>`, left-8, y+barH/2+5, html.EscapeString(bar.Label))
		fmt.Fprintf(&b, `<rect class="bar" x="%g" y="%.1f" width="%.1f" height="%g"/>`, left, y, w, barH)
		fmt.Fprintf(&b, `<text class="value" x="%.1f" y="%.1f">%s</text>`, left+w+6, y+barH/2+5, html.EscapeString(bar.Text))
	}
	b.WriteString(`</svg>`)

	// Narrow: the label on a line of its own, the bar and its value below.
	const (
		nWidth, edge = 340.0, 4.0
		line, nBarH  = 18.0, 18.0
		group        = line + nBarH + 12
	)
	span := nWidth - 2*edge - float64(largest(0, bars, func(b Bar) int { return utf8.RuneCountInString(b.Text) }))*charW - 6
	open(&b, "chart-bars chart-narrow", nWidth, group*float64(len(bars))+4, title)
	for i, bar := range bars {
		y := 4 + float64(i)*group
		w := float64(bar.Value) / float64(maxV) * span
		fmt.Fprintf(&b, `<text class="name" x="%g" y="%.1f">%s</text>`, edge, y+line-5, html.EscapeString(bar.Label))
		fmt.Fprintf(&b, `<rect class="bar" x="%g" y="%.1f" width="%.1f" height="%g"/>`, edge, y+line, w, nBarH)
		fmt.Fprintf(&b, `<text class="value" x="%.1f" y="%.1f">%s</text>`, edge+w+6, y+line+nBarH-5, html.EscapeString(bar.Text))
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
// to to, with a mark and a title at each step: the amounts at the left of
// a wide chart, above their grid lines in a narrow one.
func Cumulative(title string, steps []Step, from, to int, yLabel func(int64) string) string {
	var b strings.Builder
	cumulative(&b, "chart-wide", title, steps, from, to, yLabel, 760, 110, 16)
	cumulative(&b, "chart-narrow", title, steps, from, to, yLabel, 340, 4, 8)
	return b.String()
}

// cumulative draws the chart width wide, its plot starting at left; with
// a narrow left margin, the amounts are written inside the plot.
func cumulative(b *strings.Builder, class, title string, steps []Step, from, to int, yLabel func(int64) string, width, left, right float64) {
	const top, bottom, plotH = 22.0, 28.0, 220.0
	maxV := largest(1, steps, func(s Step) int64 { return s.Total })
	height := top + plotH + bottom
	x := func(t float64) float64 {
		return left + (t-float64(from))/float64(to+1-from)*(width-left-right)
	}
	y := func(v int64) float64 { return top + plotH - float64(v)/float64(maxV)*plotH }
	// A year's label needs about 40 units: label every second year, or
	// every third, when they are closer than that.
	every := max(1, int(40/((width-left-right)/float64(to+1-from))+0.999))
	open(b, "chart-cumulative "+class, width, height, title)
	for yr := from; yr <= to+1; yr++ {
		xx := x(float64(yr))
		fmt.Fprintf(b, `<line class="grid" x1="%.1f" y1="%g" x2="%.1f" y2="%g"/>`, xx, top, xx, top+plotH)
		if yr <= to && (yr-from)%every == 0 {
			fmt.Fprintf(b, `<text class="axis" x="%.1f" y="%g">%d</text>`, xx+4, top+plotH+18, yr)
		}
	}
	for _, v := range []int64{0, maxV / 2, maxV} {
		fmt.Fprintf(b, `<line class="grid" x1="%g" y1="%.1f" x2="%g" y2="%.1f"/>`, left, y(v), width-right, y(v))
		if left > 50 {
			fmt.Fprintf(b, `<text class="label" x="%g" y="%.1f">%s</text>`, left-8, y(v)+4, html.EscapeString(yLabel(v)))
		} else if v > 0 {
			fmt.Fprintf(b, `<text class="name" x="%g" y="%.1f">%s</text>`, left+2, y(v)-5, html.EscapeString(yLabel(v)))
		}
	}
	var path, marks strings.Builder
	fmt.Fprintf(&path, "M%.1f %.1f", x(float64(from)), y(0))
	for _, s := range steps {
		fmt.Fprintf(&path, "H%.1f V%.1f", x(s.T), y(s.Total))
		fmt.Fprintf(&marks, `<circle class="mark" cx="%.1f" cy="%.1f" r="5"><title>%s</title></circle>`, x(s.T), y(s.Total), html.EscapeString(s.Label))
	}
	fmt.Fprintf(&path, "H%.1f", x(float64(to+1)))
	fmt.Fprintf(b, `<path class="step" d="%s"/>%s</svg>`, path.String(), marks.String())
}
