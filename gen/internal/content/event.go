package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Placeholder marks the address gen new writes for a source, to replace.
const Placeholder = "replace-me"

// event reads the facts and the default language's text of an event.
func (f *file) event(id string, root *yaml.Node, body []byte, bodyLine int) *Event {
	v := f.decode(root, "", EventSchema)
	e := &Event{ID: id, Path: f.path,
		Date: get[Date](v, "date"), Published: get[Date](v, "published"), Country: get[string](v, "country"),
		Authority: get[string](v, "authority"), Kind: get[string](v, "kind"), Amount: get[*Money](v, "amount"),
		Penalty: get[*Penalty](v, "penalty"), Reference: get[string](v, "reference"), Status: get[string](v, "status"),
		Confirmation: get[string](v, "confirmation"), Paid: get[string](v, "paid"), Context: get[bool](v, "context"),
		Sources: get[[]Source](v, "sources"), Draft: get[bool](v, "draft"),
		Findings: get[[]Finding](v, "findings"), FindingsSource: get[string](v, "findings_source"),
		Orders: get[[]Order](v, "orders"), NoFindings: get[string](v, "no_findings"),
		Checked: get[Date](v, "checked"), Updates: get[[]Update](v, "updates"),
		Texts:        []*Text{f.textOf(v, f.langs[0], body, bodyLine)},
		authorityPos: f.at(v["authority"].node), sourcesPos: f.at(v["sources"].node), kindPos: f.at(v["kind"].node),
		checkedPos: f.at(v["checked"].node),
	}
	for _, r := range get[[]ref](v, "related") {
		e.Related = append(e.Related, r.id)
		e.relatedPos = append(e.relatedPos, r.at)
	}
	f.checkEvent(e, v)
	return e
}

// checkEvent applies the rules that tie an event's fields together.
func (f *file) checkEvent(e *Event, v values) {
	if d := e.Published; d.Prec == Day && e.Date.Prec == Day && d.Compare(e.Date) < 0 {
		f.errorf(v["published"].node, "published", "a day on or after the decision date "+e.Date.String(), "published %s is before the decision", d)
	}
	if t := e.Penalty; t != nil && t.Total != nil && e.Kind == "penalty" {
		if e.Amount == nil {
			e.Amount = t.Total
		} else if *e.Amount != *t.Total {
			f.errorf(v["amount"].node, "amount", fmt.Sprintf("%d %s, the rate times %d days, or no amount at all (it is computed)", t.Total.Value, t.Total.Currency, t.Days),
				"%d %s disagrees with the penalty's total", e.Amount.Value, e.Amount.Currency)
		}
	}
	// The file name is the event's address: it may keep a date that was
	// later corrected, but an editor should know.
	if d := v["date"].node; !e.Date.IsZero() && !strings.HasPrefix(e.ID, e.Date.String()+"-") {
		f.report(Warning, f.at(d), "date", fmt.Sprintf("%s is not the date the file name begins with (%s)", e.Date, e.ID),
			fmt.Sprintf("the file named %s-…md, the decision date first; a published event keeps its name, which is its address: then list this warning in %s", e.Date, ReviewedFile))
	}
	// A comma or a space cuts a number short: 2,5 millions leaves 2.
	if a := e.Amount; a != nil && a.Value < 1000 && (e.Kind == "fine" || e.Kind == "penalty" || e.Kind == "settlement") {
		f.report(Warning, f.at(v["amount"].node), "amount.value", fmt.Sprintf("%d %s is very little for a %s", a.Value, a.Currency, e.Kind),
			"the whole amount in plain digits, e.g. 2500000 for 2,5 millions")
	}
	// gen new's placeholder may stay in a draft, not in a published event.
	for i, src := range e.Sources {
		if strings.Contains(src.URL, Placeholder) && !e.Draft {
			f.report(Error, pos{src.Line, src.Col}, fmt.Sprintf("sources[%d].url", i+1), fmt.Sprintf("%q is gen new's placeholder", src.URL),
				"the source's own address, or draft: true until you have it")
		}
	}
	f.checkFindings(e, v)
	if v["paid"].node != nil && e.Paid != "" && e.Kind != "" && e.Kind != "fine" && e.Kind != "penalty" {
		f.errorf(v["paid"].node, "paid", "no paid field: payment applies to a fine or a penalty", "kind %s has nothing to pay", e.Kind)
	}
}

// penalty reads a periodic penalty and computes its days and total.
func (f *file) penalty(n *yaml.Node, name string) (*Penalty, bool) {
	v, _ := f.group(n, name, PenaltySchema, "a penalty", "rate, and the period: from and to, or days")
	if v == nil {
		return nil, false
	}
	written := func(k string) bool { return v[k].node != nil }
	if !written("rate") && !written("cap") {
		f.errorf(n, name, "rate: the amount per day (or cap: the most it may reach)", "neither a rate nor a cap")
		return nil, false
	}
	p := &Penalty{Rate: get[*Money](v, "rate"), From: get[Date](v, "from"), To: get[Date](v, "to"), Cap: get[*Money](v, "cap")}
	// ok is false when a field the total is computed from is wrong.
	ok := !slices.ContainsFunc([]string{"rate", "cap", "from", "to", "days"}, func(k string) bool { return written(k) && v[k].v == nil })
	if written("from") != written("to") {
		f.errorf(n, name, "both from and to, the first and last day", "a period needs both ends")
		ok = false
	}
	if !p.From.IsZero() && !p.To.IsZero() {
		if p.To.Compare(p.From) < 0 {
			f.errorf(v["to"].node, name+".to", "a day after "+name+".from", "%s is before %s", p.To, p.From)
			ok = false
		} else {
			p.Exclusive = p.From.DaysUntil(p.To)
			p.Inclusive = p.Exclusive + 1
			p.Days = p.Inclusive
		}
	}
	if d, good := v["days"].v.(int64); good {
		switch {
		case d == 0:
			f.errorf(v["days"].node, name+".days", "a number of days of 1 or more", "zero days")
			ok = false
		case p.Inclusive != 0 && int(d) != p.Inclusive && int(d) != p.Exclusive:
			f.errorf(v["days"].node, name+".days", fmt.Sprintf("%d (from %s to %s, both days counted) or %d (one end left out)", p.Inclusive, p.From, p.To, p.Exclusive),
				"%d days disagrees with the period", d)
			ok = false
		default:
			p.Days = int(d)
		}
	}
	if p.Days > 0 && p.Rate != nil && ok {
		p.Total = &Money{Value: p.Rate.Value * int64(p.Days), Currency: p.Rate.Currency, Qualifier: "exact"}
	}
	if t := get[*Money](v, "total"); t != nil {
		switch {
		case p.Total == nil:
			f.errorf(v["total"].node, name+".total", "rate and days (or from and to), from which the total is computed", "a total without the rate and the days it comes from")
		case *t != *p.Total:
			f.errorf(v["total"].node, name+".total", fmt.Sprintf("%d %s (%d × %d days), or no total: it is computed", p.Total.Value, p.Total.Currency, p.Rate.Value, p.Days),
				"%d %s disagrees with rate × days", t.Value, t.Currency)
		}
	}
	if p.Cap != nil && p.Total != nil && p.Total.Currency == p.Cap.Currency && p.Total.Value > p.Cap.Value {
		f.errorf(v["cap"].node, name+".cap", "a cap at least the computed total", "the total %d is above the cap %d", p.Total.Value, p.Cap.Value)
	}
	return p, true
}

// textOf gathers the per-language fields of an event or page file.
func (f *file) textOf(v values, lang string, body []byte, bodyLine int) *Text {
	return &Text{Lang: lang, Path: f.path, Title: get[string](v, "title"), Menu: get[string](v, "menu"),
		// A page calls its summary its description.
		Summary: cmp.Or(get[string](v, "summary"), get[string](v, "description")),
		Caveats: get[[]string](v, "caveats"), Slug: get[string](v, "slug"), Reference: get[string](v, "reference"),
		Body: body, BodyLine: bodyLine}
}

// checkFindings applies the rules of findings, orders and no_findings,
// and gives the findings the source the confirmation says by default.
func (f *file) checkFindings(e *Event, v values) {
	for i, x := range e.Findings {
		if j := slices.IndexFunc(e.Findings[:i], func(y Finding) bool { return y.Provision == x.Provision }); j >= 0 {
			f.report(Error, x.at, x.field, fmt.Sprintf("%s is listed twice (first as %s)", x.Provision, e.Findings[j].field), "each provision once")
		}
	}
	if e.NoFindings != "" && len(e.Findings) > 0 {
		f.errorf(v["no_findings"].node, "no_findings", "no_findings only for a decision without findings", "no_findings beside findings")
	}
	if n := v["findings_source"].node; n != nil && len(e.Findings) == 0 {
		f.errorf(n, "findings_source", "findings_source only with findings", "no findings to have a source")
	}
	if len(e.Findings) > 0 && e.FindingsSource == "" {
		e.FindingsSource = map[string]string{"decision-text": "decision-text", "authority-summary": "authority-summary"}[e.Confirmation]
		if e.FindingsSource == "" {
			e.FindingsSource = "secondary"
		}
	}
	said := len(e.Findings) > 0 || len(e.Orders) > 0 || e.NoFindings != ""
	if !said && slices.Contains(Decisions, e.Kind) {
		f.report(Warning, e.kindPos, "findings", fmt.Sprintf("a %s that says neither what it found nor what it ordered", e.Kind),
			"findings (the provisions it found breached) or orders; or, when neither is known, no_findings: "+strings.Join(NoFindings, ", ")+", with a caveat that says why")
	}
	if said && e.Kind != "" && !slices.Contains(Decisions, e.Kind) {
		f.report(Warning, e.kindPos, "findings", fmt.Sprintf("a %s decides nothing: findings, orders and no_findings are a decision's", e.Kind),
			"kind one of "+strings.Join(Decisions, ", ")+", or none of these fields")
	}
}
