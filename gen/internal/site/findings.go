package site

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"timeline/gen/internal/content"
	"timeline/gen/internal/markdown"
)

// What the decisions found and ordered: each event's findings and
// orders as its page shows them, and the comparison page's tables, all
// from the events' findings and orders and content/data/laws.yaml.

// provisionView is the provision key as language l cites it.
func (in *inputs) provisionView(l *Lang, key string) ProvisionView {
	p := in.c.Provisions[key]
	law := in.c.Laws[p.Law]
	number := cmp.Or(p.Numbers[l.Code], p.Number)
	slug := markdown.Slug(law.Short[l.Code] + " " + in.c.Provisions[p.Article()].Number) // "rgpd-6"
	return ProvisionView{Key: key, Slug: slug, Label: typeset(l.Code, strings.ReplaceAll(law.Cite[l.Code], "{n}", number)), Number: number,
		Title: typeset(l.Code, p.Title[l.Code]), URL: cmp.Or(p.URL[l.Code], law.URL[l.Code]),
		Law: typeset(l.Code, law.Name[l.Code]), LawShort: law.Short[l.Code], LawURL: law.URL[l.Code],
		FacetURL: facetURL(l, "provisions", slug)}
}

// setFindings gives ev, event e in language l, its findings and orders.
func (in *inputs) setFindings(l *Lang, e *content.Event, ev *EventView) {
	for _, f := range e.Findings {
		fv := FindingView{ProvisionView: in.provisionView(l, f.Provision), How: typeset(l.Code, f.How[l.Code])}
		ev.Findings = append(ev.Findings, fv)
		if !slices.ContainsFunc(ev.Articles, func(a ProvisionView) bool { return a.Slug == fv.Slug }) {
			ev.Articles = append(ev.Articles, in.provisionView(l, in.c.Provisions[f.Provision].Article()))
		}
	}
	if e.FindingsSource != "" {
		ev.FindingsSource, ev.Secondary = l.s.FindingsSources[e.FindingsSource], e.FindingsSource == "secondary"
	}
	ev.NoFindings = l.s.NoFindings[e.NoFindings]
	for _, o := range e.Orders {
		ov := OrderView{Order: o.Order, Label: l.s.Orders[o.Order], Text: typeset(l.Code, o.Text[l.Code]),
			Deadline: l.Date(o.Deadline), DeadlineISO: o.Deadline.String(), Compliance: "unknown"}
		if c := o.Compliance; c != nil {
			ov.Compliance, ov.Established, ov.EstablishedISO = c.Status, l.Date(c.Date), c.Date.String()
			if s, ok := in.sources[c.Source]; ok {
				ov.Source = &s
			}
		}
		ov.ComplianceLabel = l.s.Compliance[ov.Compliance]
		ev.Orders = append(ev.Orders, ov)
	}
}

// comparison is the comparison page of language v: the decisions against
// the subject itself (not the context), by law, against the articles they
// found breached; their orders; and those that found nothing.
func (in *inputs) comparison(v *langViews) *Comparison {
	l, list, per := v.l, v.list, in.c.Site.PerPage
	c := &Comparison{}
	decided := map[string][]int{} // law → its decisions, by index of in.c.Events
	total := map[string]int{}     // article → decisions
	compliance := map[string]int{}
	for i, e := range in.c.Events {
		if e.Context || !slices.Contains(content.Decisions, e.Kind) {
			continue
		}
		if list[i].NoFindings != "" {
			c.Unstated = append(c.Unstated, list[i])
		}
		for _, o := range list[i].Orders {
			c.Orders = append(c.Orders, OrderRow{Event: list[i], OrderView: o})
			compliance[o.Compliance]++
		}
		seen := map[string]bool{} // the laws and articles counted for e
		for _, f := range e.Findings {
			p := in.c.Provisions[f.Provision]
			if !seen[p.Law] {
				decided[p.Law] = append(decided[p.Law], i)
				seen[p.Law] = true
			}
			if art := p.Article(); !seen[art] {
				total[art]++
				seen[art] = true
			}
		}
	}
	// The laws with the most decisions first, and the articles most cited;
	// ties in the order of content/data/laws.yaml, laws in the order of
	// their keys.
	order := map[string]int{}
	for _, k := range slices.Sorted(maps.Keys(in.c.Laws)) {
		for _, p := range in.c.Laws[k].Provisions {
			order[p.Key] = len(order)
		}
	}
	laws := slices.SortedFunc(maps.Keys(decided), func(a, b string) int {
		return cmp.Or(cmp.Compare(len(decided[b]), len(decided[a])), cmp.Compare(a, b))
	})
	arts := slices.SortedFunc(maps.Keys(total), func(a, b string) int {
		return cmp.Or(cmp.Compare(total[b], total[a]), cmp.Compare(order[a], order[b]))
	})
	for _, k := range laws {
		law := in.c.Laws[k]
		t := LawTable{ID: "law-" + k, Name: typeset(l.Code, law.Name[l.Code]), Short: law.Short[l.Code], URL: law.URL[l.Code]}
		cols := slices.DeleteFunc(slices.Clone(arts), func(a string) bool { return in.c.Provisions[a].Law != k })
		for _, a := range cols {
			t.Articles = append(t.Articles, ArticleColumn{ProvisionView: in.provisionView(l, a), Count: total[a]})
		}
		for _, i := range decided[k] {
			row := LawRow{Event: list[i], Cells: make([]Cell, len(cols))}
			for j, a := range cols {
				var texts, labels []string
				for _, f := range in.c.Events[i].Findings {
					if p := in.c.Provisions[f.Provision]; p.Article() == a {
						texts = append(texts, cellText(p.Number, in.c.Provisions[a].Number))
						labels = append(labels, in.provisionView(l, f.Provision).Label)
					}
				}
				row.Cells[j] = Cell{Found: len(texts) > 0, Text: strings.Join(texts, " "), Label: l.List(labels)}
				if len(texts) == 0 {
					row.Cells[j].Label = l.word("comparison_not_found")
				}
			}
			t.Rows = append(t.Rows, row)
		}
		t.More = max(0, len(t.Rows)-per) // a long table shows the latest decisions
		t.Rows = latestOf(t.Rows, per)
		c.Laws = append(c.Laws, t)
	}
	var top []string
	for _, a := range arts[:min(3, len(arts))] {
		top = append(top, l.Tf("comparison_article", "provision", in.provisionView(l, a).Label, "decisions", l.Plural("decisions", total[a])))
	}
	if len(top) > 0 {
		c.Summary = l.Tf("comparison_top", "list", l.List(top)) + " "
	}
	c.Summary += l.Tf("comparison_orders", "orders", l.Plural("orders", len(c.Orders)), "complied", l.Number(compliance["complied"]),
		"not_complied", l.Number(compliance["not-complied"]), "unknown", l.Number(compliance["unknown"]))
	// The summary counts them all; the lists show the latest.
	c.OrdersMore, c.UnstatedMore = max(0, len(c.Orders)-per), max(0, len(c.Unstated)-per)
	c.Orders, c.Unstated = latestOf(c.Orders, per), latestOf(c.Unstated, per)
	return c
}

// cellText is what a cell of article art shows for its part number: a
// mark for the article itself, the part's parentheses alone ("(1)(a)")
// where the number reads that way, else the whole number ("3.3").
func cellText(number, art string) string {
	switch part := strings.TrimPrefix(number, art); {
	case part == "":
		return "✓"
	case strings.HasPrefix(part, "("):
		return part
	}
	return number
}

// ProvisionView is a provision of a law as one language cites it.
type ProvisionView struct {
	// Key is the provision's key (gdpr:6), Slug its article's facet key
	// in the language (rgpd-6).
	Key, Slug string
	// Label cites it ("art. 6, § 1, RGPD"), Number is its number alone
	// ("6, § 1"), Title its short title, URL its place in the official
	// text (or the law's text).
	Label, Number, Title, URL string
	// Law is the law's name, LawShort its short name, LawURL its text.
	Law, LawShort, LawURL string
	// FacetURL lists the decisions that found its article breached.
	FacetURL string
}

// FindingView is a provision an event's decision found breached, and
// how, in one sentence, or "".
type FindingView struct {
	ProvisionView
	How string
}

// OrderView is what a decision ordered, and what is known of its
// execution.
type OrderView struct {
	Order, Label, Text    string
	Deadline, DeadlineISO string
	// Compliance, its label, the day it was established and the source
	// that says so (its title and publisher); Compliance is "unknown"
	// when nothing is said.
	Compliance, ComplianceLabel string
	Established, EstablishedISO string
	Source                      *SourceView
}

// Comparison is the comparison page's tables: for each law, the decisions
// that found its articles breached; every order and its execution; the
// decisions that found nothing or whose findings are not known; and one
// sentence, computed, on the most cited articles and the orders known
// complied with.
type Comparison struct {
	Summary  string
	Laws     []LawTable
	Orders   []OrderRow
	Unstated []*EventView
	// OrdersMore and UnstatedMore are how many earlier ones a long list
	// leaves out: it shows the latest site.yaml's per_page.
	OrdersMore, UnstatedMore int
}

// LawTable is one law's decisions (rows, by date) against its articles
// (columns, the most cited first).
type LawTable struct {
	ID, Name, Short, URL string
	Articles             []ArticleColumn
	Rows                 []LawRow
	// More is how many earlier decisions a long table leaves out (their
	// articles' pages list them).
	More int
}

// ArticleColumn is an article of a law, and how many decisions found it
// breached.
type ArticleColumn struct {
	ProvisionView
	Count int
}

// LawRow is a decision and, for each article of its law's table, what it
// found of it.
type LawRow struct {
	Event *EventView
	Cells []Cell
}

// Cell is what a decision found of an article: nothing (Found false), or
// the article or its parts (Text: "6" or "5(1)(a), 5(1)(b)"), and the same
// in words for a screen reader (Label).
type Cell struct {
	Found       bool
	Text, Label string
}

// OrderRow is an order, with the decision that gave it.
type OrderRow struct {
	Event *EventView
	OrderView
}
