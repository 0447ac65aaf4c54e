package site

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"

	"timeline/gen/internal/content"
	"timeline/gen/internal/format"
	"timeline/gen/internal/memo"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// strs is layouts/i18n/LANG.yaml: the words of the interface in one
// language.
type strs struct {
	Name         string            `yaml:"name"`
	Months       []string          `yaml:"months"`
	Money        string            `yaml:"money"`
	DateDay      string            `yaml:"date_day"`
	DateMonth    string            `yaml:"date_month"`
	DateYear     string            `yaml:"date_year"`
	FirstDay     string            `yaml:"first_day"`
	Qualifiers   map[string]string `yaml:"qualifiers"`
	Paths        map[string]string `yaml:"paths"`
	Params       map[string]string `yaml:"params"`
	Kinds        map[string]label  `yaml:"kinds"`
	Statuses     map[string]forms  `yaml:"statuses"`
	Confirmation map[string]label  `yaml:"confirmation"`
	Paid         map[string]string `yaml:"paid"`
	// Orders, Compliance, NoFindings and FindingsSources label the values
	// of the content package's enumerations of the same names.
	Orders          map[string]string `yaml:"orders"`
	Compliance      map[string]string `yaml:"compliance"`
	NoFindings      map[string]string `yaml:"no_findings"`
	FindingsSources map[string]string `yaml:"findings_sources"`
	Subdivisions    map[string]string `yaml:"subdivisions"`
	Words           map[string]string `yaml:"words"`
}

type label struct {
	One  string `yaml:"one"`
	Many string `yaml:"many"`
	Slug string `yaml:"slug"`
	Note string `yaml:"note"`
	// Form is the grammatical form of a kind's name (in French its gender
	// and number: f, m, fp, mp), which picks the form of a status that
	// qualifies it.
	Form string `yaml:"form"`
}

// forms is a word in each grammatical form the language gives it, by
// form, or one word for all, written as a plain string (key "").
type forms map[string]string

func (f *forms) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*f = forms{"": n.Value}
		return nil
	}
	return n.Decode((*map[string]string)(f))
}

// of is the word in form, or the word for all forms.
func (f forms) of(form string) string {
	if s, ok := f[form]; ok {
		return s
	}
	return f[""]
}

// Lang is one language of the site, as templates see it: its words, its
// formats, and where its pages live.
type Lang struct {
	Code    string
	Name    string // the language's own name: Français, English
	Default bool
	// Prefix is "" for the default language and "/en" for English.
	Prefix string
	// Locale writes dates (l.Date), amounts (l.Money) and numbers in the
	// language's conventions.
	*format.Locale
	// T holds the words of the interface by key, set in the language's
	// typography: a layout writes {{.L.T.skip}}.
	T map[string]string
	s strs
	// key is memo.Key of what the language is made from: its code and
	// place, its words' file and the site's subject.
	key memo.Sum
}

// MemoKey is the key of everything the language is made from (memo.Keyed):
// a language is in most views, and too large to hash whole in each.
func (l *Lang) MemoKey() memo.Sum { return l.key }

// parseLangs reads layouts/i18n/LANG.yaml for each language, from the
// files of layouts/ by path. {subject} in a word is the site's subject.
func parseLangs(codes []string, files map[string][]byte, subject string) ([]*Lang, error) {
	var out []*Lang
	for i, code := range codes {
		p := "layouts/i18n/" + code + ".yaml"
		b, ok := files[p]
		if !ok {
			return nil, fmt.Errorf("%s: missing; expected the words of the interface in %s", p, code)
		}
		var s strs
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&s); err != nil {
			return nil, fmt.Errorf("%s: %s", p, strings.TrimPrefix(err.Error(), "yaml: "))
		}
		if len(s.Months) != 12 {
			return nil, fmt.Errorf("%s: months: %d names; expected 12", p, len(s.Months))
		}
		for _, k := range []string{"events", "updates"} {
			if s.Paths[k] == "" {
				return nil, fmt.Errorf("%s: paths.%s: missing", p, k)
			}
		}
		for _, k := range content.Kinds {
			if s.Kinds[k].One == "" || s.Kinds[k].Slug == "" {
				return nil, fmt.Errorf("%s: kinds.%s: missing one or slug", p, k)
			}
		}
		for _, st := range content.Statuses {
			for _, k := range content.Kinds {
				if s.Statuses[st].of(s.Kinds[k].Form) == "" {
					return nil, fmt.Errorf("%s: statuses.%s: no word for the form %q of kinds.%s", p, st, s.Kinds[k].Form, k)
				}
			}
		}
		for _, e := range []struct {
			name   string
			labels map[string]string
			values []string
		}{{"orders", s.Orders, content.Orders}, {"compliance", s.Compliance, content.Compliances},
			{"no_findings", s.NoFindings, content.NoFindings}, {"findings_sources", s.FindingsSources, content.FindingsSources}} {
			for _, v := range e.values {
				if e.labels[v] == "" {
					return nil, fmt.Errorf("%s: %s.%s: missing", p, e.name, v)
				}
			}
		}
		tag, err := language.Parse(code)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		for k, w := range s.Words {
			s.Words[k] = strings.ReplaceAll(w, "{subject}", subject)
		}
		s.setTypography(code)
		loc := format.NewLocale(tag)
		copy(loc.Months[:], s.Months)
		loc.MoneyPattern, loc.DayPattern, loc.MonthPattern = s.Money, s.DateDay, s.DateMonth
		loc.YearPattern = cmp.Or(s.DateYear, loc.YearPattern)
		loc.FirstDay, loc.Qualifiers = s.FirstDay, s.Qualifiers
		l := &Lang{Code: code, Name: s.Name, Default: i == 0, Locale: loc, T: s.Words, s: s, key: memo.Key(code, i, b, subject)}
		if i > 0 {
			l.Prefix = "/" + code
		}
		out = append(out, l)
	}
	return out, nil
}

// setTypography sets the words, typed with plain spaces and typewriter
// quotes, in the language's typography as titles and summaries are (in
// French, no-break spaces before ; : ! ? and inside « »; in both, ’ for
// the apostrophe). Slugs, paths and formats are left as they are.
func (s *strs) setTypography(code string) {
	for _, m := range []map[string]string{s.Words, s.Paid, s.Subdivisions, s.Orders, s.Compliance, s.NoFindings, s.FindingsSources} {
		for k, v := range m {
			m[k] = typeset(code, v)
		}
	}
	for _, f := range s.Statuses {
		for k, v := range f {
			f[k] = typeset(code, v)
		}
	}
	for _, m := range []map[string]label{s.Kinds, s.Confirmation} {
		for k, v := range m {
			v.One, v.Many, v.Note = typeset(code, v.One), typeset(code, v.Many), typeset(code, v.Note)
			m[k] = v
		}
	}
}

// word returns the word for key; a missing word shows as ⟦key⟧ and
// fails the layout tests. Layouts read l.T.key, which fails the build.
func (l *Lang) word(key string) string {
	if s, ok := l.T[key]; ok {
		return s
	}
	return "⟦" + key + "⟧"
}

// Tf returns the word for key with its {name} placeholders replaced by
// the values that follow it in pairs: Tf "x" "from" a "to" b.
func (l *Lang) Tf(key string, pairs ...string) string {
	s := l.word(key)
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// Plural returns the word for key that agrees with n, key_one or
// key_other by the language's plural rules (CLDR's, from x/text: in
// French 0 and 1 take the singular, in English only 1), with {n} replaced
// by n written in the language's digits and other placeholders as Tf
// replaces them.
func (l *Lang) Plural(key string, n int, pairs ...string) string {
	form := "_other"
	if n >= 0 && plural.Cardinal.MatchPlural(l.Locale.Tag, n, 0, 0, 0, 0) == plural.One {
		form = "_one"
	}
	return l.Tf(key+form, append(pairs, "n", l.Number(n))...)
}

// List joins items as a sentence does in the language: "a, b et c".
func (l *Lang) List(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], l.word("list_separator")) + l.word("list_and") + items[len(items)-1]
}

// Number writes an integer with the language's grouping.
func (l *Lang) Number(n int) string { return l.Locale.Number(int64(n)) }

// Country names a country or subdivision in this language, from CLDR for
// countries and from the language's strings for subdivisions.
func (l *Lang) Country(code string) string {
	if len(code) < 2 {
		return code
	}
	r, err := language.ParseRegion(code[:2])
	if err != nil {
		return code
	}
	name := display.Regions(l.Locale.Tag).Name(r)
	if len(code) > 2 {
		if sub := l.s.Subdivisions[code]; sub != "" {
			return sub + " (" + name + ")"
		}
		return code
	}
	return name
}

// Status is the word for status in the form that agrees with kind's name
// (in French: « Recours … retiré », « Amende … contestée »).
func (l *Lang) Status(kind, status string) string {
	return l.s.Statuses[status].of(l.s.Kinds[kind].Form)
}

// Param is the name of the query parameter that filters the embedded
// timeline by a dimension (countries, authorities, kinds, years): pays,
// country.
func (l *Lang) Param(dim string) string { return l.s.Params[dim] }

// Path is the URL segment for a section of the site (events, countries…).
func (l *Lang) Path(section string) string { return l.s.Paths[section] }
