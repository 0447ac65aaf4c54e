package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

const testSite = `languages: [fr, en]
title: {fr: Titre, en: Title}
description: {fr: Description, en: Description}
subject: Exemple SA
base_url: https://example.org/
as_of: 2026-02-20
`

const testAuthorities = `cnil:
  name: {fr: Commission nationale de l'informatique et des libertés, en: French data protection authority}
  abbr: {fr: CNIL, en: CNIL}
  country: FR
  url: https://www.cnil.fr/
ico:
  name: {fr: ICO, en: ICO}
  country: GB
`

const testLaws = `gdpr:
  name: {fr: Règlement général sur la protection des données, en: General Data Protection Regulation}
  short: {fr: RGPD, en: GDPR}
  cite: {fr: "art. {n} du RGPD", en: "GDPR Art. {n}"}
  url: {fr: "https://example.org/fr", en: "https://example.org/en"}
  countries: [FR, IT]
  provisions:
    "6":
      title: {fr: Licéité du traitement, en: Lawfulness of processing}
    6(1):
      within: "6"
      title: {fr: Bases légales, en: Lawful bases}
app:
  name: {fr: Principes australiens, en: Australian Privacy Principles}
  short: {fr: APP, en: APP}
  cite: {fr: "APP {n}", en: "APP {n}"}
  url: {fr: "https://example.org/app", en: "https://example.org/app"}
  countries: [AU]
  provisions:
    "3.3":
      title: {fr: Données sensibles, en: Sensitive information}
`

// validEvent is a complete event; the table tests change one line of it.
const validEvent = `---
date: 2022-10-17
published: 2022-10-20
country: FR
authority: cnil
kind: fine
amount:
  value: 20000000
  currency: EUR
reference: SAN-2022-019
status: final
confirmation: decision-text
paid: unpaid
related:
  - 2021-11-26-cnil-mise-en-demeure
sources:
  - url: https://www.cnil.fr/fr/sanction
    title: Sanction
    publisher: CNIL
    language: fr
    primary: true
title: Sanction
summary: Une amende.
findings: [{provision: "gdpr:6"}]
orders: [{order: delete}]
---
Le texte.
`

const validNotice = `---
date: 2021-11-26
country: FR
authority: cnil
kind: notice
status: final
confirmation: decision-text
sources:
  - url: https://www.cnil.fr/fr/med
    title: MED
    publisher: CNIL
    language: fr
    primary: true
title: Mise en demeure
summary: Une mise en demeure.
no_findings: not-known
---
`

const textEN = `---
title: Fine
summary: A fine.
---
The text.
`

func testFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		SiteFile:        {Data: []byte(testSite)},
		AuthoritiesFile: {Data: []byte(testAuthorities)},
		LawsFile:        {Data: []byte(testLaws)},
		"content/events/2021-11-26-cnil-mise-en-demeure.md":    {Data: []byte(validNotice)},
		"content/events/2021-11-26-cnil-mise-en-demeure.en.md": {Data: []byte(textEN)},
		"content/events/2022-10-17-cnil-sanction.en.md":        {Data: []byte(textEN)},
		"content/pages/.keep":                                  {Data: nil},
	}
	for name, data := range files {
		if data == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

const eventPath = "content/events/2022-10-17-cnil-sanction.md"

func TestValidEvent(t *testing.T) {
	c := Load(testFS(map[string]string{eventPath: validEvent}), Options{})
	if len(c.Diagnostics) != 0 {
		t.Fatalf("diagnostics:\n%v", c.Diagnostics)
	}
	e := c.Event("2022-10-17-cnil-sanction")
	if e == nil {
		t.Fatal("event not loaded")
	}
	if e.Amount.Value != 20000000 || e.Amount.Currency != "EUR" || e.Date.String() != "2022-10-17" || e.Published.String() != "2022-10-20" {
		t.Errorf("facts: %+v %v %v", e.Amount, e.Date, e.Published)
	}
	if got := e.Text("en").Title; got != "Fine" {
		t.Errorf("English title = %q", got)
	}
	// Related is made symmetric.
	if n := c.Event("2021-11-26-cnil-mise-en-demeure"); len(n.Related) != 1 || n.Related[0] != e.ID {
		t.Errorf("notice related = %v", n.Related)
	}
}

// TestErrors pins the exact text of every validation error.
func TestErrors(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(validEvent, old) {
			panic("no " + old)
		}
		return strings.Replace(validEvent, old, new, 1)
	}
	const p = eventPath + ":"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"kind", replace("kind: fine", "kind: amende"),
			[]string{p + `6:7: kind: "amende" is not allowed; expected one of: complaint, lawsuit, findings, notice, intent, order, decision, fine, penalty, ruling, appeal, settlement, closure (for "amende" write fine)`}},
		{"missing kind", replace("kind: fine\n", ""),
			[]string{p + `2:1: kind: missing; expected one of: complaint, lawsuit, findings, notice, intent, order, decision, fine, penalty, ruling, appeal, settlement, closure`}},
		{"missing compliance status", replace(`{order: delete}`, `{order: delete, compliance: {date: 2023-01-01}}`),
			[]string{p + `25:38: orders[1].compliance.status: missing; expected one of: complied, not-complied, unknown`}},
		{"kind typo", replace("kind: fine", "kind: fien"),
			[]string{p + `6:7: kind: "fien" is not allowed; expected one of: complaint, lawsuit, findings, notice, intent, order, decision, fine, penalty, ruling, appeal, settlement, closure (did you mean fine?)`}},
		{"date shape", replace("date: 2022-10-17", "date: 17/10/2022"),
			[]string{p + `2:7: date: "17/10/2022" is not a date; expected a date: YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-10-17`}},
		{"date that does not exist", replace("date: 2022-10-17", "date: 2023-02-30"),
			[]string{p + `2:7: date: "2023-02-30" is not a day of the calendar: 2023-02 has 28 days; expected a date: YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-10-17`}},
		{"month 13", replace("date: 2022-10-17", "date: 2022-13"),
			[]string{p + `2:7: date: "2022-13" has no month 13; expected a date: YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-10-17`}},
		{"published before decision", replace("published: 2022-10-20", "published: 2022-10-01"),
			[]string{p + `3:12: published: published 2022-10-01 is before the decision; expected a day on or after the decision date 2022-10-17`}},
		{"unknown key", replace("\ntitle: Sanction", "\ntitle: Sanction\nsourcse: x"),
			[]string{p + `23:1: sourcse: unknown field; expected a field of the schema: did you mean "sources"?`}},
		{"unknown key, no suggestion", replace("\ntitle: Sanction", "\ntitle: Sanction\nzzzzzzzzzz: x"),
			[]string{p + `23:1: zzzzzzzzzz: unknown field; expected a field of the schema: date, published, country, authority, kind, amount, penalty, reference, status, confirmation, paid, context, related, findings, findings_source, orders, no_findings, sources, checked, updates, draft, title, summary, caveats`}},
		{"duplicate key", replace("status: final", "status: final\nstatus: appealed"),
			[]string{p + `12:1: status: field written twice (first on line 11); expected each field once`}},
		{"javascript url", replace("url: https://www.cnil.fr/fr/sanction", "url: javascript:alert(1)"),
			[]string{p + `17:10: sources[1].url: "javascript:alert(1)" is not an http or https URL; expected an address starting with https:// or http://, without spaces`}},
		{"data url", replace("url: https://www.cnil.fr/fr/sanction", "url: data:text/html,x"),
			[]string{p + `17:10: sources[1].url: "data:text/html,x" is not an http or https URL; expected an address starting with https:// or http://, without spaces`}},
		{"file url", replace("url: https://www.cnil.fr/fr/sanction", "url: file:///etc/passwd"),
			[]string{p + `17:10: sources[1].url: "file:///etc/passwd" is not an http or https URL; expected an address starting with https:// or http://, without spaces`}},
		{"float money", replace("value: 20000000", "value: 2.0e7"),
			[]string{p + `8:10: amount.value: "2.0e7" is not a whole number; expected a whole number in plain digits, e.g. 20000000 (no spaces, signs, decimals or currency)`}},
		{"money with spaces", replace("value: 20000000", "value: 20 000 000"),
			[]string{p + `8:10: amount.value: "20 000 000" is not a whole number; expected a whole number in plain digits, e.g. 20000000 (no spaces, signs, decimals or currency)`}},
		{"money with sign", replace("value: 20000000", "value: 20000000€"),
			[]string{p + `8:10: amount.value: "20000000€" is not a whole number; expected a whole number in plain digits, e.g. 20000000 (no spaces, signs, decimals or currency)`}},
		{"negative money", replace("value: 20000000", "value: -5"),
			[]string{p + `8:10: amount.value: -5 is negative; expected a positive number; the kind of event says what the amount is`}},
		{"a comma in a number", replace("amount:\n  value: 20000000\n  currency: EUR\n", "amount: {value: 2,5 millions, currency: SEK}\n"),
			[]string{p + `7:17: amount.value: a comma split the number: 2,5 millions reads as 2 and a field "5 millions"; expected the whole number in plain digits, e.g. 2500000 for 2,5 millions`}},
		{"an amount cut short", replace("value: 20000000", "value: 2"),
			[]string{p + `8:3: warning: amount.value: 2 EUR is very little for a fine; expected the whole amount in plain digits, e.g. 2500000 for 2,5 millions`}},
		{"date not the file name's", replace("date: 2022-10-17", "date: 2022-10-16"),
			[]string{p + `2:7: warning: date: 2022-10-16 is not the date the file name begins with (2022-10-17-cnil-sanction); expected the file named 2022-10-16-…md, the decision date first; a published event keeps its name, which is its address: then list this warning in content/data/reviewed-warnings.yaml`}},
		{"unknown currency", replace("currency: EUR", "currency: XYZ"),
			[]string{p + `9:13: amount.currency: "XYZ" is not an ISO 4217 currency; expected an ISO 4217 code in capitals: EUR, GBP, USD …`}},
		{"currency sign", replace("currency: EUR", "currency: €"),
			[]string{p + `9:13: amount.currency: "€" is not a currency code; expected an ISO 4217 code in capitals: EUR, GBP, USD …`}},
		{"country", replace("country: FR", "country: UK"),
			[]string{p + `4:10: country: "UK" is not an ISO 3166 country; expected GB, the ISO 3166-1 code of the United Kingdom`}},
		{"country lower case", replace("country: FR", "country: fr"),
			[]string{p + `4:10: country: "fr" is not a country code; expected an ISO 3166 code in capitals: FR, GB (not UK), US, or a subdivision such as US-VT`}},
		{"unknown authority", replace("authority: cnil", "authority: cnli"),
			[]string{p + `5:12: authority: "cnli" is not a known authority; expected a key of content/data/authorities.yaml (did you mean cnil?)`}},
		{"missing related id", replace("  - 2021-11-26-cnil-mise-en-demeure", "  - 2021-11-26-cnil-mise-en-demeur"),
			[]string{p + `15:5: related[1]: no event has the id "2021-11-26-cnil-mise-en-demeur"; expected the id of an event: did you mean 2021-11-26-cnil-mise-en-demeure?`}},
		{"related to itself", replace("  - 2021-11-26-cnil-mise-en-demeure", "  - 2022-10-17-cnil-sanction"),
			[]string{p + `15:5: related[1]: an event cannot be related to itself; expected the id of another event`}},
		{"status", replace("status: final", "status: definitive"),
			[]string{p + `11:9: status: "definitive" is not allowed; expected one of: pending, in-force, final, appealed, quashed, superseded, dismissed, withdrawn, closed`}},
		{"missing title", replace("\ntitle: Sanction\n", "\n"),
			[]string{p + `2:1: title: missing; expected the event's title in this language`}},
		{"no sources", replace("sources:", "sourcesx:"),
			nil}, // checked below: several lines
		{"primary not a bool", replace("primary: true", "primary: yes"),
			[]string{p + `21:14: sources[1].primary: "yes" is not true or false; expected true or false`}},
		{"paid on a notice", replace("kind: fine", "kind: notice"),
			[]string{p + `13:7: paid: kind notice has nothing to pay; expected no paid field: payment applies to a fine or a penalty`}},
		{"title as a number", replace("\ntitle: Sanction", "\ntitle: 2022"),
			[]string{p + `22:8: title: "2022" is not text; expected text; put it in quotes ("…")`}},
		{"tab in YAML", replace("status: final", "status:\tfinal\n\tx: 1"),
			[]string{p + `11:1: YAML: found a tab character that violates indentation; expected spaces for indentation, never tabs`}},
		{"alias", replace("\ntitle: Sanction", "\ntitle: &a Sanction\ncaveats: [*a]"),
			[]string{p + `22:8: YAML anchors and aliases are not allowed; expected each value written out in full`}},
		{"not closed", strings.Replace(validEvent, "---\nLe texte.", "Le texte.", 1),
			[]string{p + `1:1: front matter not closed; expected a "---" line after the last field`}},
		{"no front matter", "Le texte.\n",
			[]string{p + `1:1: no front matter; expected a file that begins with a "---" line, the YAML fields, and a closing "---" line`}},
		{"empty file", "",
			nil},
		{"UTF-16", "\xff\xfe-\x00-\x00-\x00",
			[]string{p + `1:1: file is UTF-16; expected UTF-8 text; save the file as UTF-8`}},
		{"invalid UTF-8", replace("\ntitle: Sanction", "\ntitle: Sanc\xfftion"),
			[]string{p + `22:12: invalid UTF-8; expected UTF-8 text; save the file as UTF-8`}},
		{"penalty total", replace("reference:", "penalty:\n  rate: {value: 100000, currency: EUR}\n  from: 2022-12-19\n  to: 2023-02-09\n  total: {value: 5000000, currency: EUR}\nreference:"),
			[]string{p + `14:10: penalty.total: 5000000 EUR disagrees with rate × days; expected 5300000 EUR (100000 × 53 days), or no total: it is computed`}},
		{"unknown provision", replace(`provision: "gdpr:6"`, `provision: "gdpr:7"`),
			[]string{p + `24:24: findings[1].provision: "gdpr:7" is not a provision of the table; expected a provision of content/data/laws.yaml (did you mean gdpr:6?)`}},
		{"provision far from any", replace(`provision: "gdpr:6"`, `provision: "bipa:15(b)"`),
			[]string{p + `24:24: findings[1].provision: "bipa:15(b)" is not a provision of the table; expected a provision of content/data/laws.yaml, or add it there under its law's provisions`}},
		{"provision without its law", replace(`provision: "gdpr:6"`, `provision: "article 6"`),
			[]string{p + `24:24: findings[1].provision: "article 6" is not a provision's key; expected a provision of content/data/laws.yaml, written law:number, e.g. gdpr:6(1) or app:3.3`}},
		{"provision of another country's law", replace(`provision: "gdpr:6"`, `provision: "app:3.3"`),
			[]string{p + `24:24: warning: findings[1].provision: app does not apply in FR (content/data/laws.yaml: AU); expected a provision of a law of the event's country`}},
		{"provision twice", replace(`[{provision: "gdpr:6"}]`, `[{provision: "gdpr:6"}, {provision: "gdpr:6"}]`),
			[]string{p + `24:47: findings[2].provision: gdpr:6 is listed twice (first as findings[1].provision); expected each provision once`}},
		{"finding without provision", replace(`[{provision: "gdpr:6"}]`, `[{how: {fr: a, en: b}}]`),
			[]string{p + `24:12: findings[1].provision: missing; expected a provision of content/data/laws.yaml, written law:number, e.g. gdpr:6(1) or app:3.3`}},
		{"order unknown", replace(`{order: delete}`, `{order: effacer}`),
			[]string{p + `25:18: orders[1].order: "effacer" is not allowed; expected one of: stop-collecting, stop-processing, delete, answer-requests, appoint-representative, stop-offering, other`}},
		{"other order without text", replace(`{order: delete}`, `{order: other}`),
			[]string{p + `25:10: orders[1].text: an order of kind other needs its text; expected what was ordered, one sentence per language: {fr: …, en: …}`}},
		{"compliance without source", replace(`{order: delete}`, `{order: delete, compliance: {status: complied, date: 2023-01-01}}`),
			[]string{p + `25:38: orders[1].compliance.source: missing: complied needs its source; expected the address of the source that says so`}},
		{"compliance status", replace(`{order: delete}`, `{order: delete, compliance: {status: done}}`),
			[]string{p + `25:47: orders[1].compliance.status: "done" is not allowed; expected one of: complied, not-complied, unknown`}},
		{"compliance source not listed", replace(`{order: delete}`, `{order: delete, compliance: {status: complied, date: 2023-01-01, source: "https://example.org/x"}}`),
			[]string{p + `25:83: warning: orders[1].compliance.source: https://example.org/x is not a source of any event; expected the address of a source listed by this event or another, so that the reader can see what it is`}},
		{"no findings beside findings", replace("orders: [{order: delete}]", "no_findings: procedure"),
			[]string{p + `25:14: no_findings: no_findings beside findings; expected no_findings only for a decision without findings`}},
		{"findings source without findings", replace(`findings: [{provision: "gdpr:6"}]`, "findings_source: secondary"),
			[]string{p + `24:18: findings_source: no findings to have a source; expected findings_source only with findings`}},
		{"decision that says nothing", replace("findings: [{provision: \"gdpr:6\"}]\norders: [{order: delete}]\n", ""),
			[]string{p + `6:7: warning: findings: a fine that says neither what it found nor what it ordered; expected findings (the provisions it found breached) or orders; or, when neither is known, no_findings: procedure, no-admission, not-known, with a caveat that says why`}},
		{"penalty days", replace("reference:", "penalty:\n  rate: {value: 100000, currency: EUR}\n  from: 2022-12-19\n  to: 2023-02-09\n  days: 60\nreference:"),
			[]string{p + `14:9: penalty.days: 60 days disagrees with the period; expected 53 (from 2022-12-19 to 2023-02-09, both days counted) or 52 (one end left out)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src
			files := map[string]string{eventPath: src}
			if src == "" {
				files[eventPath] = "\n"
			}
			c := Load(testFS(files), Options{})
			got := c.Diagnostics.Errors()
			if len(tt.want) > 0 && strings.Contains(tt.want[0], ": warning: ") {
				got = c.Diagnostics.Warnings()
			}
			if tt.want == nil {
				if len(got) == 0 {
					t.Fatal("no error")
				}
				for _, d := range got {
					if d.Path != eventPath || d.Line < 1 {
						t.Errorf("error without a place: %v", d)
					}
				}
				return
			}
			var lines []string
			for _, d := range got {
				lines = append(lines, d.Error())
			}
			if strings.Join(lines, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestFindingsOfNoDecision: a lawsuit decides nothing, and findings on it
// are a warning.
func TestFindingsOfNoDecision(t *testing.T) {
	src := strings.NewReplacer("kind: fine", "kind: lawsuit", "paid: unpaid\n", "", "amount:\n  value: 20000000\n  currency: EUR\n", "").Replace(validEvent)
	c := Load(testFS(map[string]string{eventPath: src}), Options{})
	want := eventPath + ":6:7: warning: findings: a lawsuit decides nothing: findings, orders and no_findings are a decision's; expected kind one of findings, notice, intent, order, decision, fine, penalty, ruling, settlement, closure, or none of these fields"
	if got := c.Diagnostics.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestPenaltyTotal(t *testing.T) {
	src := strings.Replace(validEvent, "kind: fine", "kind: penalty", 1)
	src = strings.Replace(src, "amount:\n  value: 20000000\n  currency: EUR\n", "penalty:\n  rate: {value: 100000, currency: EUR}\n  from: 2022-12-19\n  to: 2023-02-09\n  days: 52\n", 1)
	c := Load(testFS(map[string]string{eventPath: src}), Options{})
	if errs := c.Diagnostics.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	p := c.Event("2022-10-17-cnil-sanction").Penalty
	if p.Days != 52 || p.Inclusive != 53 || p.Exclusive != 52 || p.Total.Value != 5200000 {
		t.Errorf("penalty = %+v, total %v", p, p.Total)
	}
	if a := c.Event("2022-10-17-cnil-sanction").Amount; a == nil || a.Value != 5200000 {
		t.Errorf("amount of a penalty = %v, want the computed total", a)
	}
}

func TestCrossFile(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"duplicate id", map[string]string{eventPath: validEvent, "content/events/2022/2022-10-17-cnil-sanction.md": validEvent},
			`content/events/2022/2022-10-17-cnil-sanction.md:1:1: id: id "2022-10-17-cnil-sanction" already used by content/events/2022-10-17-cnil-sanction.md; expected a file name that no other event has`},
		{"translation alone", map[string]string{eventPath: validEvent, "content/events/2020-01-01-x.en.md": textEN},
			`content/events/2020-01-01-x.en.md:1:1: translation of a file that does not exist; expected content/events/2020-01-01-x.md next to it, holding the facts and the fr text`},
		{"fact in translation", map[string]string{eventPath: validEvent, "content/events/2022-10-17-cnil-sanction.en.md": "---\ntitle: T\nsummary: S\nkind: fine\n---\n"},
			`content/events/2022-10-17-cnil-sanction.en.md:4:1: kind: a fact in a translation file; expected facts written once, in the default language's file; here only: reference, title, summary, caveats`},
		{"file name", map[string]string{eventPath: validEvent, "content/events/Sanction CNIL.md": validEvent},
			`content/events/Sanction CNIL.md: id: the file name "Sanction CNIL" cannot be an id; expected a file name of lowercase ascii letters, digits and hyphens, e.g. 2022-10-17-cnil-sanction.md`},
		{"unknown language", map[string]string{eventPath: validEvent, "content/events/2022-10-17-cnil-sanction.de.md": textEN},
			`content/events/2022-10-17-cnil-sanction.de.md: "de" is not a language of the site; expected ID.md for fr, or ID.LANG.md with LANG one of en`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Load(testFS(tt.files), Options{})
			got := c.Diagnostics.Errors().Error()
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	src := strings.Replace(validEvent, "    primary: true\n", "", 1)
	c := Load(testFS(map[string]string{eventPath: src, "content/events/2022-10-17-cnil-sanction.en.md": ""}), Options{})
	want := eventPath + `:1:1: warning: no en translation; expected content/events/2022-10-17-cnil-sanction.en.md; until then the en page shows the fr text
` + eventPath + `:17:3: warning: sources: no primary source; expected the authority's or court's own text, marked primary: true, when it can be found`
	if got := c.Diagnostics.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if len(c.Diagnostics.Errors()) != 0 {
		t.Error("warnings counted as errors")
	}
	if len(c.Diagnostics.Strict().Errors()) != 2 {
		t.Error("Strict did not make the warnings errors")
	}
	e := c.Event("2022-10-17-cnil-sanction")
	if en := e.Text("en"); !en.Fallback || en.Title != "Sanction" {
		t.Errorf("missing translation: %+v", en)
	}
}

func TestDrafts(t *testing.T) {
	src := strings.Replace(validEvent, "\ntitle: Sanction", "\ndraft: true\ntitle: Sanction", 1)
	fsys := testFS(map[string]string{eventPath: src})
	if c := Load(fsys, Options{}); c.Event("2022-10-17-cnil-sanction") != nil || len(c.Event("2021-11-26-cnil-mise-en-demeure").Related) != 0 {
		t.Error("draft kept, or still linked, without Drafts")
	}
	if c := Load(fsys, Options{Drafts: true}); c.Event("2022-10-17-cnil-sanction") == nil {
		t.Error("draft dropped with Drafts")
	}
}

// TestOpenAndVerified: a case is open while one of its steps is pending or
// under appeal, and so are its earlier steps; the site is checked as of
// the oldest check among them, and a check more than 90 days before
// as_of is a warning.
func TestOpenAndVerified(t *testing.T) {
	notice := strings.Replace(validNotice, "\ntitle: Mise en demeure", "\nchecked: 2025-10-01\ntitle: Mise en demeure", 1)
	fine := strings.NewReplacer("status: final", "status: appealed", "\ntitle: Sanction", "\nchecked: 2026-02-01\ntitle: Sanction").Replace(validEvent)
	c := Load(testFS(map[string]string{eventPath: fine, "content/events/2021-11-26-cnil-mise-en-demeure.md": notice}), Options{})
	open := c.Open()
	if !open["2022-10-17-cnil-sanction"] || !open["2021-11-26-cnil-mise-en-demeure"] {
		t.Errorf("open: %v; want the appealed fine and the notice before it", open)
	}
	if got := c.Verified().String(); got != "2025-10-01" {
		t.Errorf("verified %s, want the oldest check of the open case, 2025-10-01", got)
	}
	want := "content/events/2021-11-26-cnil-mise-en-demeure.md:14:10: warning: checked: 2025-10-01 is 142 days before as_of 2026-02-20, on a case still open; " +
		"expected the facts compared with their sources again, and what happened since searched for, at most 90 days before as_of; then checked: that day"
	if got := c.Diagnostics.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// Final, the case is closed: nothing is open, and the site is checked
	// as of as_of.
	c = Load(testFS(map[string]string{eventPath: validEvent}), Options{})
	if len(c.Open()) != 0 || c.Verified() != c.Site.AsOf {
		t.Errorf("a closed case: open %v, verified %v", c.Open(), c.Verified())
	}
}

// TestReferencePerLanguage: a translation may cite the decision as its
// language does; without it, it shows the default language's.
func TestReferencePerLanguage(t *testing.T) {
	c := Load(testFS(map[string]string{eventPath: strings.Replace(validEvent, "reference: SAN-2022-019", "reference: 2023 CF 1612", 1),
		"content/events/2022-10-17-cnil-sanction.en.md": strings.Replace(textEN, "summary: A fine.", "summary: A fine.\nreference: 2023 FC 1612", 1)}), Options{})
	e := c.Event("2022-10-17-cnil-sanction")
	if e.Reference != "2023 CF 1612" || e.Text("fr").Reference != "2023 CF 1612" || e.Text("en").Reference != "2023 FC 1612" {
		t.Errorf("references %q, fr %q, en %q", e.Reference, e.Text("fr").Reference, e.Text("en").Reference)
	}
	c = Load(testFS(map[string]string{eventPath: validEvent}), Options{})
	if got := c.Event("2022-10-17-cnil-sanction").Text("en").Reference; got != "SAN-2022-019" {
		t.Errorf("an English text without its reference shows %q, want the default's", got)
	}
}

// TestPerLanguage pins the errors of a value written once where the schema
// wants one per language: a text, or an address.
func TestPerLanguage(t *testing.T) {
	laws := strings.NewReplacer(`short: {fr: RGPD, en: GDPR}`, `short: GDPR`, `url: {fr: "https://example.org/app", en: "https://example.org/app"}`, `url: https://example.org/app`).Replace(testLaws)
	c := Load(testFS(map[string]string{eventPath: validEvent, LawsFile: laws}), Options{})
	want := LawsFile + `:3:10: gdpr.short: "GDPR" is not a text per language; expected one line per language: fr, en
` + LawsFile + `:17:8: app.url: "https://example.org/app" is not a address per language; expected one line per language: fr, en`
	if got := c.Diagnostics.Errors().Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestDataFilesUnread: the site configuration and the authorities must be
// read; the laws may be missing, but not unreadable.
func TestDataFilesUnread(t *testing.T) {
	fsys := testFS(map[string]string{eventPath: validEvent, SiteFile: "", AuthoritiesFile: "", LawsFile: ""})
	c := Load(fsys, Options{})
	want := AuthoritiesFile + `: cannot read the authorities: file does not exist; expected the file ` + AuthoritiesFile + `
` + SiteFile + `: cannot read the site configuration: file does not exist; expected the file ` + SiteFile
	if got := c.Diagnostics.Errors().Error(); !strings.HasPrefix(got, want+"\n") {
		t.Errorf("got:\n%s\nwant first:\n%s", got, want)
	}
	if !slices.Equal(c.Site.Languages, []string{"fr", "en"}) {
		t.Errorf("languages without a site configuration: %v", c.Site.Languages)
	}
	fsys[LawsFile+"/x"] = &fstest.MapFile{} // a folder
	want = LawsFile + `: cannot read the laws: `
	if got := Load(fsys, Options{}).Diagnostics.Errors().Error(); !strings.Contains(got, want) || !strings.Contains(got, "; expected the file "+LawsFile+", or none") {
		t.Errorf("an unreadable laws file:\n%s", got)
	}
}
