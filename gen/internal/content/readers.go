package content

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// The readers of the schema's types. Each reads one value written in n,
// reports what is wrong with it under name, and says whether it could be
// read.

// str reads a text value. Numbers and booleans are refused rather than
// silently turned into text, so that "title: 2022" is noticed.
func (f *file) str(n *yaml.Node, name string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		f.errorf(n, name, `text; put it in quotes ("…")`, "%s is not text", describe(n))
		return "", false
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		f.errorf(n, name, "some text", "empty")
		return "", false
	}
	if s == "…" || s == "..." {
		f.errorf(n, name, "the text itself", "%q is a placeholder", s)
		return "", false
	}
	return s, true
}

// date reads a date of type t: TypeDate, or TypeDay for a full day.
func (f *file) date(n *yaml.Node, name string, t Type) (Date, bool) {
	expected := Formats[t].Expected
	if n.Kind != yaml.ScalarNode {
		f.errorf(n, name, expected, "%s is not a date", describe(n))
		return Date{}, false
	}
	d, err := ParseDate(n.Value)
	if err != nil {
		f.errorf(n, name, expected, "%s", err)
		return Date{}, false
	}
	if t == TypeDay && d.Prec != Day {
		f.errorf(n, name, expected, "%s is not a day", d)
		return Date{}, false
	}
	return d, true
}

func (f *file) boolean(n *yaml.Node, name string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || (n.Value != "true" && n.Value != "false") {
		f.errorf(n, name, "true or false", "%s is not true or false", describe(n))
		return false, false
	}
	return n.Value == "true", true
}

func (f *file) integer(n *yaml.Node, name string) (int64, bool) {
	expected := Formats[TypeInt].Expected
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		f.errorf(n, name, expected, "%s is not a whole number", describe(n))
		return 0, false
	}
	v, err := strconv.ParseInt(n.Value, 10, 64)
	if err != nil {
		f.errorf(n, name, expected, "%q is not written in plain digits", n.Value)
		return 0, false
	}
	if v < 0 {
		f.errorf(n, name, "a positive number; the kind of event says what the amount is", "%d is negative", v)
		return 0, false
	}
	return v, true
}

func (f *file) enum(n *yaml.Node, name string, values []string, hints map[string]string) (string, bool) {
	expected := oneOf(values)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		f.errorf(n, name, expected, "%s is not one of the values", describe(n))
		return "", false
	}
	if slices.Contains(values, n.Value) {
		return n.Value, true
	}
	if h, ok := hints[strings.ToLower(n.Value)]; ok {
		expected += fmt.Sprintf(" (for %q write %s)", n.Value, h)
	} else {
		expected = didYouMean(expected, n.Value, values, "")
	}
	f.errorf(n, name, expected, "%q is not allowed", n.Value)
	return "", false
}

// link reads an http or https URL; anything else (javascript:, data:,
// file:, relative) is refused.
func (f *file) link(n *yaml.Node, name string) (string, bool) {
	s, ok := f.str(n, name)
	if !ok {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(s, " \t\n\"<>") {
		f.errorf(n, name, Formats[TypeURL].Expected, "%q is not an http or https URL", s)
		return "", false
	}
	return s, true
}

var subdivisionRE = regexp.MustCompile(`^[A-Z]{2}-[A-Z0-9]{1,3}$`)

// country reads an ISO 3166-1 alpha-2 code, or an ISO 3166-2 subdivision.
func (f *file) country(n *yaml.Node, name string) (string, bool) {
	expected := Formats[TypeCountry].Expected
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		f.errorf(n, name, expected, "%s is not a country code", describe(n))
		return "", false
	}
	s, code := n.Value, n.Value
	if subdivisionRE.MatchString(s) {
		code = s[:2]
	}
	if len(code) != 2 || strings.ToUpper(code) != code {
		f.errorf(n, name, expected, "%q is not a country code", s)
		return "", false
	}
	r, err := language.ParseRegion(code)
	if err != nil || !r.IsCountry() || r.Canonicalize().String() != code {
		hint := expected
		if code == "UK" {
			hint = "GB, the ISO 3166-1 code of the United Kingdom"
		}
		f.errorf(n, name, hint, "%q is not an ISO 3166 country", s)
		return "", false
	}
	return s, true
}

func (f *file) language(n *yaml.Node, name string) (string, bool) {
	expected := Formats[TypeLanguage].Expected
	if n.Kind != yaml.ScalarNode || !langRE.MatchString(n.Value) {
		f.errorf(n, name, expected, "%s is not a language code", describe(n))
		return "", false
	}
	if _, err := language.Parse(n.Value); err != nil {
		f.errorf(n, name, expected, "%q is not a language code", n.Value)
		return "", false
	}
	return n.Value, true
}

// ref is an event's id or a provision's key, and where it is written.
type ref struct {
	id string
	at pos
}

func (f *file) id(n *yaml.Node, name string) (ref, bool) {
	s, ok := f.str(n, name)
	return ref{s, f.at(n)}, ok
}

func (f *file) slug(n *yaml.Node, name string) (string, bool) {
	s, ok := f.str(n, name)
	if ok && !idRE.MatchString(s) {
		f.errorf(n, name, Formats[TypeSlug].Expected, "%q is not a slug", s)
		return "", false
	}
	return s, ok
}

func (f *file) currency(n *yaml.Node, name string) (string, bool) {
	expected := Formats[TypeCurrency].Expected
	if n.Kind != yaml.ScalarNode || !currencyRE.MatchString(n.Value) {
		f.errorf(n, name, expected, "%s is not a currency code", describe(n))
		return "", false
	}
	if _, err := currency.ParseISO(n.Value); err != nil {
		f.errorf(n, name, expected, "%q is not an ISO 4217 currency", n.Value)
		return "", false
	}
	return n.Value, true
}

// money reads {value, currency, qualifier}.
func (f *file) money(n *yaml.Node, name string) (*Money, bool) {
	v, ok := f.group(n, name, MoneySchema, "an amount", "value: (a whole number) and currency: (an ISO 4217 code) on two indented lines")
	if !ok {
		return nil, false
	}
	return &Money{Value: get[int64](v, "value"), Currency: get[string](v, "currency"), Qualifier: get[string](v, "qualifier")}, true
}

// source reads one of an event's sources. A source with wrong fields is
// kept all the same, so that a wrong url brings no "no primary source"
// warning on top of its error.
func (f *file) source(n *yaml.Node, name string) (Source, bool) {
	v, _ := f.group(n, name, SourceSchema, "a source", names(SourceSchema))
	if v == nil {
		return Source{}, false
	}
	s := Source{URL: get[string](v, "url"), Title: get[string](v, "title"), Publisher: get[string](v, "publisher"),
		Language: get[string](v, "language"), Primary: get[bool](v, "primary")}
	if u := v["url"].node; u != nil {
		p := f.at(u)
		s.Line, s.Col = p.line, p.col
	}
	return s, true
}

// update reads one correction of an event.
func (f *file) update(n *yaml.Node, name string) (Update, bool) {
	v, ok := f.group(n, name, UpdateSchema, "an update", names(UpdateSchema))
	return Update{Date: get[Date](v, "date"), Text: get[map[string]string](v, "text")}, ok
}

// provision reads a provision's key; LawsFile is checked once all is read.
func (f *file) provision(n *yaml.Node, name string) (ref, bool) {
	s, ok := f.str(n, name)
	if ok && !provisionRE.MatchString(s) {
		f.errorf(n, name, Formats[TypeProvision].Expected, "%q is not a provision's key", s)
		return ref{}, false
	}
	return ref{s, f.at(n)}, ok
}

// finding reads one provision a decision found breached.
func (f *file) finding(n *yaml.Node, name string) (Finding, bool) {
	v, ok := f.group(n, name, FindingSchema, "a finding", "provision: law:number, and how: one sentence per language (optional)")
	p := get[ref](v, "provision")
	return Finding{Provision: p.id, How: get[map[string]string](v, "how"), field: name + ".provision", at: p.at}, ok && p.id != ""
}

// order reads one thing a decision ordered.
func (f *file) order(n *yaml.Node, name string) (Order, bool) {
	v, ok := f.group(n, name, OrderSchema, "an order", names(OrderSchema))
	o := Order{Order: get[string](v, "order"), Text: get[map[string]string](v, "text"), Deadline: get[Date](v, "deadline"),
		Compliance: get[*Compliance](v, "compliance")}
	if o.Order == "other" && v["text"].node == nil {
		f.errorf(n, name+".text", "what was ordered, one sentence per language: {fr: …, en: …}", "an order of kind other needs its text")
		ok = false
	}
	return o, ok
}

// compliance reads what is known of an order's execution.
func (f *file) compliance(n *yaml.Node, name string) (*Compliance, bool) {
	v, ok := f.group(n, name, ComplianceSchema, "what is known of the order's execution", "status: and, unless unknown, date: and source:")
	if v == nil {
		return nil, false
	}
	c := &Compliance{Status: get[string](v, "status"), Date: get[Date](v, "date"), Source: get[string](v, "source"), at: f.at(v["source"].node)}
	if c.Status != "" && c.Status != "unknown" {
		for _, k := range []string{"date", "source"} {
			if v[k].node == nil {
				f.errorf(n, name+"."+k, map[string]string{"date": "the day it was established", "source": "the address of the source that says so"}[k],
					"missing: %s needs its %s", c.Status, k)
				ok = false
			}
		}
	}
	return c, ok
}

// perLanguage reads one value per site language: a text for
// TypeByLanguage ({fr: "…", en: "…"}), an address for TypeLinks.
func (f *file) perLanguage(n *yaml.Node, name string, t Type) (map[string]string, bool) {
	item, noun, expected := TypeText, "text", "the text in "
	if t == TypeLinks {
		item, noun, expected = TypeURL, "address", "the address of the version in "
	}
	schema := make([]Field, len(f.langs))
	for i, l := range f.langs {
		schema[i] = Field{Name: l, Type: item, Required: true, Expected: expected + l}
	}
	v, _ := f.group(n, name, schema, "a "+noun+" per language", "one line per language: "+strings.Join(f.langs, ", "))
	if v == nil {
		return nil, false
	}
	out := make(map[string]string, len(f.langs))
	for _, l := range f.langs {
		if s := get[string](v, l); s != "" {
			out[l] = s
		}
	}
	return out, true
}
