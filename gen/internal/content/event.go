package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The fields of each kind of file, in the order of the schema.
var (
	eventFields       = []string{"date", "published", "country", "authority", "kind", "amount", "penalty", "reference", "status", "confirmation", "paid", "context", "related", "sources", "draft", "title", "summary", "caveats"}
	eventTextFields   = []string{"title", "summary", "caveats"}
	sourceFields      = []string{"url", "title", "publisher", "language", "primary"}
	penaltyFields     = []string{"rate", "from", "to", "days", "total", "cap"}
	pageFields        = []string{"title", "menu", "description", "slug", "weight", "layout"}
	pageTextFields    = []string{"title", "menu", "description", "slug"}
	idRE              = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	slugRE            = idRE
	factOnlyInDefault = "in the default language's file"
)

// parseEvent reads the facts and the default language's text of an event.
func parseEvent(path, id, lang string, src []byte) (*Event, Diagnostics) {
	f := &file{path: path}
	root, body, bodyLine := f.split(src)
	if root == nil {
		return nil, f.diags
	}
	m := f.fields(root, "", eventFields)
	e := &Event{ID: id, Path: path}
	const datesExpected = "a date: YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-10-17"

	if n, ok := f.required(m, root, "", "date", datesExpected); ok {
		e.Date, _ = f.date(n, "date")
	}
	if n, ok := m["published"]; ok && !isNull(n) {
		if d, ok := f.date(n, "published"); ok {
			e.Published = d
			if !e.Date.IsZero() && d.Prec == Day && e.Date.Prec == Day && d.Compare(e.Date) < 0 {
				f.errorf(n, "published", "a day on or after the decision date "+e.Date.String(), "published %s is before the decision", d)
			}
		}
	}
	if n, ok := f.required(m, root, "", "country", "an ISO 3166 code such as FR, GB or US-VT"); ok {
		e.Country, _ = f.country(n, "country")
	}
	if n, ok := f.required(m, root, "", "authority", "a key of content/data/authorities.yaml"); ok {
		e.Authority, _ = f.str(n, "authority")
		e.authorityPos = f.at(n)
	}
	if n, ok := f.required(m, root, "", "kind", "one of: "+strings.Join(Kinds, ", ")); ok {
		e.Kind, _ = f.enum(n, "kind", Kinds, kindHints)
		e.kindPos = f.at(n)
	}
	if n, ok := m["amount"]; ok && !isNull(n) {
		e.Amount, _ = f.money(n, "amount")
	}
	if n, ok := m["penalty"]; ok && !isNull(n) {
		e.Penalty = f.penalty(n)
		if e.Penalty != nil && e.Penalty.Total != nil && e.Amount != nil && e.Kind == "penalty" {
			if *e.Amount != *e.Penalty.Total {
				f.errorf(m["amount"], "amount", fmt.Sprintf("%d %s, the rate times %d days, or no amount at all (it is computed)", e.Penalty.Total.Value, e.Penalty.Total.Currency, e.Penalty.Days),
					"%d %s disagrees with the penalty's total", e.Amount.Value, e.Amount.Currency)
			}
		}
	}
	if e.Kind == "penalty" && e.Amount == nil && e.Penalty != nil && e.Penalty.Total != nil {
		e.Amount = e.Penalty.Total
	}
	if n, ok := m["reference"]; ok && !isNull(n) {
		e.Reference, _ = f.str(n, "reference")
	}
	if n, ok := f.required(m, root, "", "status", "one of: pending, in-force, final, appealed, quashed, restored, superseded, dismissed, withdrawn, closed"); ok {
		e.Status, _ = f.enum(n, "status", Statuses, nil)
	}
	if n, ok := f.required(m, root, "", "confirmation", "one of: confirmed, press, partial, unconfirmed"); ok {
		e.Confirmation, _ = f.enum(n, "confirmation", Confirmations, nil)
	}
	e.Paid = "unknown"
	if n, ok := m["paid"]; ok && !isNull(n) {
		if p, ok := f.enum(n, "paid", Payments, nil); ok {
			e.Paid = p
			if e.Kind != "" && e.Kind != "fine" && e.Kind != "penalty" {
				f.errorf(n, "paid", "no paid field: payment applies to a fine or a penalty", "kind %s has nothing to pay", e.Kind)
			}
		}
	}
	if n, ok := m["context"]; ok && !isNull(n) {
		e.Context, _ = f.boolean(n, "context")
	}
	if n, ok := m["related"]; ok && !isNull(n) {
		if n.Kind != yaml.SequenceNode {
			f.errorf(n, "related", "a list of event ids, one per line starting with \"- \"", "%s is not a list", describe(n))
		} else {
			for i, c := range n.Content {
				if s, ok := f.str(c, fmt.Sprintf("related[%d]", i+1)); ok {
					e.Related = append(e.Related, s)
					e.relatedPos = append(e.relatedPos, f.at(c))
				}
			}
		}
	}
	if n, ok := f.required(m, root, "", "sources", "a list of sources, each with url, title, publisher, language and primary"); ok {
		e.Sources = f.sources(n)
		e.sourcesPos = f.at(n)
	}
	if n, ok := m["draft"]; ok && !isNull(n) {
		e.Draft, _ = f.boolean(n, "draft")
	}
	e.Texts = []*Text{f.text(m, root, lang, body, bodyLine)}
	return e, f.diags
}

func (f *file) sources(n *yaml.Node) []Source {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		f.errorf(n, "sources", "a list of at least one source, each starting with \"- url: \"", "%s is not a list of sources", describe(n))
		return nil
	}
	var out []Source
	for i, c := range n.Content {
		field := fmt.Sprintf("sources[%d]", i+1)
		if c.Kind != yaml.MappingNode {
			f.errorf(c, field, "url, title, publisher, language and primary", "%s is not a source", describe(c))
			continue
		}
		m := f.fields(c, field+".", sourceFields)
		var s Source
		if v, ok := f.required(m, c, field+".", "url", "an address starting with https://"); ok {
			s.URL, _ = f.link(v, field+".url")
			p := f.at(v)
			s.Line, s.Col = p.line, p.col
		}
		if v, ok := f.required(m, c, field+".", "title", "the source's title"); ok {
			s.Title, _ = f.str(v, field+".title")
		}
		if v, ok := f.required(m, c, field+".", "publisher", "the publisher, e.g. CNIL, Reuters"); ok {
			s.Publisher, _ = f.str(v, field+".publisher")
		}
		if v, ok := f.required(m, c, field+".", "language", "the source's language: fr, en, it …"); ok {
			s.Language, _ = f.language(v, field+".language")
		}
		if v, ok := m["primary"]; ok && !isNull(v) {
			s.Primary, _ = f.boolean(v, field+".primary")
		}
		out = append(out, s)
	}
	return out
}

func (f *file) penalty(n *yaml.Node) *Penalty {
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "penalty", "rate, and the period: from and to, or days", "%s is not a penalty", describe(n))
		return nil
	}
	m := f.fields(n, "penalty.", penaltyFields)
	p := &Penalty{}
	ok := true
	if v, has := m["rate"]; has && !isNull(v) {
		p.Rate, has = f.money(v, "penalty.rate")
		ok = ok && has
	}
	if v, has := m["cap"]; has && !isNull(v) {
		p.Cap, has = f.money(v, "penalty.cap")
		ok = ok && has
	}
	if p.Rate == nil && p.Cap == nil {
		f.errorf(n, "penalty", "rate: the amount per day (or cap: the most it may reach)", "neither a rate nor a cap")
		return nil
	}
	var fromN, toN *yaml.Node
	if v, has := m["from"]; has && !isNull(v) {
		fromN = v
		p.From, has = f.date(v, "penalty.from")
		ok = ok && has
	}
	if v, has := m["to"]; has && !isNull(v) {
		toN = v
		p.To, has = f.date(v, "penalty.to")
		ok = ok && has
	}
	if (fromN == nil) != (toN == nil) {
		f.errorf(n, "penalty", "both from and to, the first and last day", "a period needs both ends")
		ok = false
	}
	if !p.From.IsZero() && !p.To.IsZero() {
		if p.From.Prec != Day || p.To.Prec != Day {
			f.errorf(fromN, "penalty.from", "full days, YYYY-MM-DD", "a penalty period is counted in days")
			ok = false
		} else if p.To.Compare(p.From) < 0 {
			f.errorf(toN, "penalty.to", "a day after penalty.from", "%s is before %s", p.To, p.From)
			ok = false
		} else {
			p.Exclusive = p.From.DaysUntil(p.To)
			p.Inclusive = p.Exclusive + 1
			p.Days = p.Inclusive
		}
	}
	if v, has := m["days"]; has && !isNull(v) {
		d, good := f.integer(v, "penalty.days")
		switch {
		case !good:
			ok = false
		case d == 0:
			f.errorf(v, "penalty.days", "a number of days of 1 or more", "zero days")
			ok = false
		case p.Inclusive != 0 && int(d) != p.Inclusive && int(d) != p.Exclusive:
			f.errorf(v, "penalty.days", fmt.Sprintf("%d (from %s to %s, both days counted) or %d (one end left out)", p.Inclusive, p.From, p.To, p.Exclusive),
				"%d days disagrees with the period", d)
			ok = false
		default:
			p.Days = int(d)
		}
	}
	if p.Days > 0 && p.Rate != nil && ok {
		p.Total = &Money{Value: p.Rate.Value * int64(p.Days), Currency: p.Rate.Currency, Qualifier: "exact"}
	}
	if v, has := m["total"]; has && !isNull(v) {
		t, good := f.money(v, "penalty.total")
		switch {
		case !good:
		case p.Total == nil:
			f.errorf(v, "penalty.total", "rate and days (or from and to), from which the total is computed", "a total without the rate and the days it comes from")
		case *t != *p.Total:
			f.errorf(v, "penalty.total", fmt.Sprintf("%d %s (%d × %d days), or no total: it is computed", p.Total.Value, p.Total.Currency, p.Rate.Value, p.Days),
				"%d %s disagrees with rate × days", t.Value, t.Currency)
		}
	}
	if p.Cap != nil && p.Total != nil && p.Total.Currency == p.Cap.Currency && p.Total.Value > p.Cap.Value {
		f.errorf(m["cap"], "penalty.cap", "a cap at least the computed total", "the total %d is above the cap %d", p.Total.Value, p.Cap.Value)
	}
	return p
}

// text reads the language fields of an event file.
func (f *file) text(m map[string]*yaml.Node, root *yaml.Node, lang string, body []byte, bodyLine int) *Text {
	t := &Text{Lang: lang, Path: f.path, Body: body, BodyLine: bodyLine, FrontSum: Sum(f.front), BodySum: Sum(body)}
	if n, ok := f.required(m, root, "", "title", "the event's title in this language"); ok {
		t.Title, _ = f.str(n, "title")
	}
	if n, ok := f.required(m, root, "", "summary", "one sentence for the timeline"); ok {
		t.Summary, _ = f.str(n, "summary")
	}
	if n, ok := m["caveats"]; ok && !isNull(n) {
		t.Caveats = f.strings(n, "caveats")
	}
	return t
}

// parseEventText reads a translation file: only the text fields.
func parseEventText(path, lang string, src []byte) (*Text, Diagnostics) {
	f := &file{path: path}
	root, body, bodyLine := f.split(src)
	if root == nil {
		return nil, f.diags
	}
	m := f.translation(root, eventTextFields, eventFields)
	return f.text(m, root, lang, body, bodyLine), f.diags
}

// translation reads the keys of a translation file: a fact written there
// is refused with a pointer to the file where facts belong.
func (f *file) translation(root *yaml.Node, allowed, facts []string) map[string]*yaml.Node {
	var kept []*yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if !slices.Contains(allowed, k.Value) && slices.Contains(facts, k.Value) {
			f.errorf(k, k.Value, "facts written once, "+factOnlyInDefault+"; here only: "+strings.Join(allowed, ", "), "a fact in a translation file")
			continue
		}
		kept = append(kept, root.Content[i], root.Content[i+1])
	}
	copyRoot := *root
	copyRoot.Content = kept
	return f.fields(&copyRoot, "", allowed)
}

// parsePage reads an explainer page in one language. Weight and layout
// are read from the default language's file only.
func parsePage(path, key, lang string, isDefault bool, src []byte) (*Page, *Text, Diagnostics) {
	f := &file{path: path}
	root, body, bodyLine := f.split(src)
	if root == nil {
		return nil, nil, f.diags
	}
	var m map[string]*yaml.Node
	if isDefault {
		m = f.fields(root, "", pageFields)
	} else {
		m = f.translation(root, pageTextFields, pageFields)
	}
	p := &Page{Key: key, Path: path, Layout: "page"}
	if n, ok := m["weight"]; ok && !isNull(n) {
		w, _ := f.integer(n, "weight")
		p.Weight = int(w)
	}
	if n, ok := m["layout"]; ok && !isNull(n) {
		p.Layout, _ = f.enum(n, "layout", Layouts, nil)
	}
	t := &Text{Lang: lang, Path: path, Body: body, BodyLine: bodyLine, FrontSum: Sum(f.front), BodySum: Sum(body)}
	if n, ok := f.required(m, root, "", "title", "the page's title in this language"); ok {
		t.Title, _ = f.str(n, "title")
	}
	if n, ok := m["menu"]; ok && !isNull(n) {
		t.Menu, _ = f.str(n, "menu")
	}
	if n, ok := f.required(m, root, "", "description", "one sentence describing the page"); ok {
		t.Summary, _ = f.str(n, "description")
	}
	if n, ok := f.required(m, root, "", "slug", "the page's address in this language: lowercase letters, digits and hyphens"); ok {
		if s, ok := f.str(n, "slug"); ok {
			if !slugRE.MatchString(s) {
				f.errorf(n, "slug", "lowercase ascii letters, digits and hyphens, e.g. glossaire", "%q is not a slug", s)
			} else {
				t.Slug = s
			}
		}
	}
	return p, t, f.diags
}
