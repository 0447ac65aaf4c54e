package site

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"

	"timeline/gen/internal/content"
)

// The open data: every event's facts and texts as /data/events.json and
// /data/events.csv. Ids are the stable ids of the event files; amounts are
// integers in the decision's currency; dates keep their precision.

type jsonEvent struct {
	ID             string              `json:"id"`
	Date           string              `json:"date"`
	DatePrecision  string              `json:"date_precision"`
	Published      string              `json:"published,omitempty"`
	Country        string              `json:"country"`
	Authority      string              `json:"authority"`
	AuthorityName  map[string]string   `json:"authority_name"`
	Kind           string              `json:"kind"`
	Amount         *content.Money      `json:"amount,omitempty"`
	Penalty        *content.Penalty    `json:"penalty,omitempty"`
	Reference      string              `json:"reference,omitempty"`
	Status         string              `json:"status"`
	Confirmation   string              `json:"confirmation"`
	Paid           string              `json:"paid,omitempty"`
	Context        bool                `json:"context"`
	Related        []string            `json:"related"`
	Title          map[string]string   `json:"title"`
	Summary        map[string]string   `json:"summary"`
	Caveats        map[string][]string `json:"caveats,omitempty"`
	URL            map[string]string   `json:"url"`
	Findings       []content.Finding   `json:"findings,omitempty"`
	FindingsSource string              `json:"findings_source,omitempty"`
	Orders         []content.Order     `json:"orders,omitempty"`
	NoFindings     string              `json:"no_findings,omitempty"`
	Sources        []content.Source    `json:"sources"`
	Checked        string              `json:"checked,omitempty"`
	Updates        []content.Update    `json:"updates,omitempty"`
}

var precisions = map[content.Precision]string{content.Year: "year", content.Month: "month", content.Day: "day"}

// openData is what the open data files hold: plain data, the view of
// /data/events.json and /data/events.csv.
type openData struct {
	Title   map[string]string `json:"title"`
	License map[string]string `json:"license,omitempty"`
	AsOf    string            `json:"as_of"`
	Events  []jsonEvent       `json:"events"`
	// langs orders the CSV's columns of texts.
	langs []string
}

// openData is every event's facts and texts, in the site's languages.
func (in *inputs) openData() *openData {
	d := &openData{Title: in.c.Site.Title, License: in.c.Site.License, AsOf: in.c.Site.AsOf.String(),
		Events: make([]jsonEvent, 0, len(in.c.Events))}
	for _, l := range in.langs {
		d.langs = append(d.langs, l.Code)
	}
	for _, e := range in.c.Events {
		j := jsonEvent{ID: e.ID, Date: e.Date.String(), DatePrecision: precisions[e.Date.Prec], Published: e.Published.String(),
			Country: e.Country, Authority: e.Authority, AuthorityName: in.c.Authorities[e.Authority].Name, Kind: e.Kind,
			Amount: e.Amount, Reference: e.Reference, Status: e.Status, Confirmation: e.Confirmation,
			Context: e.Context, Related: append([]string{}, e.Related...), Sources: e.Sources, Checked: e.Checked.String(),
			Penalty: e.Penalty, Updates: e.Updates,
			Findings: e.Findings, FindingsSource: e.FindingsSource, Orders: e.Orders, NoFindings: e.NoFindings,
			Title: map[string]string{}, Summary: map[string]string{}, Caveats: map[string][]string{}, URL: map[string]string{}}
		if e.Kind == "fine" || e.Kind == "penalty" {
			j.Paid = e.Paid
		}
		for _, l := range in.langs {
			t := e.Text(l.Code)
			if t.Fallback {
				continue
			}
			j.Title[l.Code], j.Summary[l.Code] = t.Title, t.Summary
			if len(t.Caveats) > 0 {
				j.Caveats[l.Code] = t.Caveats // an empty map is left out
			}
			j.URL[l.Code] = in.abs(in.routes.url(l, e.ID))
		}
		d.Events = append(d.Events, j)
	}
	return d
}

func (d *openData) json() ([]byte, error) { return encodeJSON(d) }

// CSVColumns are the columns of /data/events.csv, documented on the about
// page; lists inside a cell are separated by " | ", but the keys of
// findings and orders, by ";" (orders_deadline and orders_compliance
// follow the orders, one item each).
var CSVColumns = []string{"id", "date", "date_precision", "published", "country", "authority", "kind",
	"amount_value", "amount_currency", "amount_qualifier",
	"penalty_rate_value", "penalty_rate_currency", "penalty_from", "penalty_to", "penalty_days", "penalty_total_value",
	"reference", "status", "confirmation", "paid", "context", "related", "checked", "updated",
	"findings", "findings_source", "orders", "orders_deadline", "orders_compliance", "no_findings"}

func (d *openData) csv() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := slices.Clone(CSVColumns)
	for _, l := range d.langs {
		header = append(header, "title_"+l, "summary_"+l, "url_"+l)
	}
	if err := w.Write(append(header, "source_urls", "source_publishers", "primary_source_urls")); err != nil {
		return nil, err
	}
	num := func(n int64) string { return strconv.FormatInt(n, 10) }
	for _, j := range d.Events {
		var amount [3]string // value, currency, qualifier
		if a := j.Amount; a != nil {
			amount = [3]string{num(a.Value), a.Currency, a.Qualifier}
		}
		var penalty [6]string // rate's value and currency, from, to, days, total's value
		if p := j.Penalty; p != nil && p.Rate != nil {
			penalty = [6]string{num(p.Rate.Value), p.Rate.Currency, p.From.String(), p.To.String()}
			if p.Days > 0 {
				penalty[4] = strconv.Itoa(p.Days)
			}
			if p.Total != nil {
				penalty[5] = num(p.Total.Value)
			}
		}
		updated := ""
		for _, u := range j.Updates {
			updated = max(updated, u.Date.String())
		}
		var findings, orders, deadlines, compliance []string
		for _, f := range j.Findings {
			findings = append(findings, f.Provision)
		}
		for _, o := range j.Orders {
			c := "unknown"
			if o.Compliance != nil {
				c = o.Compliance.Status
			}
			orders, deadlines, compliance = append(orders, o.Order), append(deadlines, o.Deadline.String()), append(compliance, c)
		}
		row := slices.Concat([]string{j.ID, j.Date, j.DatePrecision, j.Published, j.Country, j.Authority, j.Kind}, amount[:], penalty[:],
			[]string{j.Reference, j.Status, j.Confirmation, j.Paid, strconv.FormatBool(j.Context), strings.Join(j.Related, " | "), j.Checked, updated,
				strings.Join(findings, ";"), j.FindingsSource, strings.Join(orders, ";"), strings.Join(deadlines, ";"), strings.Join(compliance, ";"), j.NoFindings})
		for _, l := range d.langs {
			row = append(row, j.Title[l], j.Summary[l], j.URL[l])
		}
		var urls, pubs, prim []string
		for _, src := range j.Sources {
			urls = append(urls, src.URL)
			pubs = append(pubs, src.Publisher)
			if src.Primary {
				prim = append(prim, src.URL)
			}
		}
		row = append(row, strings.Join(urls, " | "), strings.Join(pubs, " | "), strings.Join(prim, " | "))
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
