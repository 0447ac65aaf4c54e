package cms

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"timeline/gen/internal/content"

	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./gen/internal/cms -update to accept):\ngot:\n%s", file, got)
	}
}

// A schema of every type, as the content package writes its tables: the
// goldens do not change when the real schema's notes do.
var (
	money  = []content.Field{{Name: "value", Type: content.TypeInt, Required: true}, {Name: "currency", Type: content.TypeCurrency, Required: true}}
	events = []content.Field{
		{Name: "date", Type: content.TypeDate, Required: true, Doc: "The decision date."},
		{Name: "checked", Type: content.TypeDay},
		{Name: "country", Type: content.TypeCountry, Required: true},
		{Name: "authority", Type: content.TypeAuthority, Required: true},
		{Name: "kind", Type: content.TypeEnum, Values: []string{"notice", "fine"}, Required: true},
		{Name: "amount", Type: content.TypeMoney, Fields: money},
		{Name: "penalty", Type: content.TypePenalty, Fields: []content.Field{{Name: "rate", Type: content.TypeMoney, Fields: money}, {Name: "days", Type: content.TypeInt}}},
		{Name: "reference", Type: content.TypeText},
		{Name: "draft", Type: content.TypeBool, Doc: "true keeps it off the site."},
		{Name: "related", Type: content.TypeID, List: true},
		{Name: "sources", Type: content.TypeSource, List: true, Required: true, Fields: []content.Field{
			{Name: "url", Type: content.TypeURL, Required: true}, {Name: "language", Type: content.TypeLanguage, Required: true}}},
		{Name: "updates", Type: content.TypeUpdate, List: true, Fields: []content.Field{
			{Name: "date", Type: content.TypeDay, Required: true}, {Name: "text", Type: content.TypeByLanguage, Required: true}}},
		{Name: "title", Type: content.TypeText, PerLang: true, Required: true},
		{Name: "summary", Type: content.TypeText, PerLang: true, Long: true, Required: true},
		{Name: "caveats", Type: content.TypeText, List: true, PerLang: true, Long: true, Item: "caveat"},
	}
	pages = []content.Field{
		{Name: "title", Type: content.TypeText, PerLang: true, Required: true},
		{Name: "slug", Type: content.TypeSlug, PerLang: true, Required: true},
		{Name: "weight", Type: content.TypeInt},
	}
)

func testInput() Input {
	return Input{Events: events, Pages: pages, Languages: []string{"fr", "en"}, Authorities: []string{"ico", "cnil"}}
}

func TestGolden(t *testing.T) {
	for name, in := range map[string]Input{
		"config.yml": testInput(),
		"config-test.yml": func() Input {
			in := testInput()
			in.Repo, in.TestBackend = "example/timeline", true
			return in
		}(),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := Config(in)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, name, got)
		})
	}
	t.Run("index.html", func(t *testing.T) {
		got, err := Index(IndexInput{Lang: "fr", Title: `Une chronologie <"test">`, Bundle: "/" + Bundle, Icon: "/favicon.svg", Prefs: "/" + Prefs})
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "index.html", got)
	})
}

// The configuration is the same bytes whatever the order of the
// authorities, and differs from the test one only in its backend.
func TestDeterministic(t *testing.T) {
	a, b := testInput(), testInput()
	b.Authorities = []string{"cnil", "ico"}
	x, err := Config(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := Config(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x, y) {
		t.Error("the order of the authorities changes the configuration")
	}
	b.TestBackend = true
	z, err := Config(b)
	if err != nil {
		t.Fatal(err)
	}
	var gx, gz map[string]any
	if err := yaml.Unmarshal(x, &gx); err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(z, &gz); err != nil {
		t.Fatal(err)
	}
	if gz["backend"].(map[string]any)["name"] != "test-repo" {
		t.Errorf("test backend: %v", gz["backend"])
	}
	delete(gx, "backend")
	delete(gz, "backend")
	if fmt.Sprint(gx) != fmt.Sprint(gz) {
		t.Error("the test configuration differs in more than its backend")
	}
}

// The widget each type of the schema gets. A type missing here fails
// TestEverySchemaField; one missing in Config fails the build.
var wantWidget = map[content.Type]string{
	content.TypeText: "string", content.TypeDate: "string", content.TypeDay: "string", content.TypeCountry: "string",
	content.TypeAuthority: "select", content.TypeID: "relation", content.TypeEnum: "select", content.TypeBool: "select",
	content.TypeInt: "number", content.TypeCurrency: "string", content.TypeURL: "string", content.TypeSlug: "string",
	content.TypeLanguage: "string", content.TypeByLanguage: "object", content.TypeMoney: "object",
	content.TypePenalty: "object", content.TypeSource: "object", content.TypeUpdate: "object",
	content.TypeFinding: "object", content.TypeOrder: "object", content.TypeCompliance: "object", content.TypeProvision: "select",
}

// Every field of the real schema is in the form, with its widget, required
// exactly when the schema requires it, translated exactly when the schema
// writes it per language, and without a default; and the form has no field
// the schema lacks, but the body.
func TestEverySchemaField(t *testing.T) {
	c := content.Load(os.DirFS("../../.."), content.Options{})
	if errs := c.Diagnostics.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	in := InputFor(c)
	if len(in.Authorities) < 5 || !slices.IsSorted(in.Authorities) || !slices.Equal(in.Languages, c.Site.Languages) {
		t.Fatalf("InputFor: authorities %v, languages %v", in.Authorities, in.Languages)
	}
	src, err := Config(in)
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Collections []struct {
			Name   string
			Folder string
			I18n   bool
			Fields []map[string]any
		}
		I18n map[string]any
	}
	if err := yaml.Unmarshal(src, &cfg); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(cfg.I18n); got != "map[default_locale:fr locales:[fr en] omit_default_locale_from_file_path:true structure:multiple_files]" {
		t.Errorf("i18n: %s", got)
	}
	schemas := map[string][]content.Field{"events": content.EventSchema, "pages": content.PageSchema}
	for _, col := range cfg.Collections {
		schema, ok := schemas[col.Name]
		if !ok || !col.I18n {
			t.Errorf("collection %q (i18n %v)", col.Name, col.I18n)
			continue
		}
		delete(schemas, col.Name)
		checkFields(t, col.Name, schema, col.Fields, in, true)
	}
	for name := range schemas {
		t.Errorf("no collection %s", name)
	}
}

func checkFields(t *testing.T, where string, schema []content.Field, fields []map[string]any, in Input, top bool) {
	t.Helper()
	var names []string
	for _, f := range fields {
		names = append(names, fmt.Sprint(f["name"]))
	}
	var want []string
	for _, f := range schema {
		want = append(want, f.Name)
	}
	if top {
		want = append(want, bodyField)
	}
	if !slices.Equal(names, want) {
		t.Errorf("%s: the form's fields %v, the schema's %v", where, names, want)
		return
	}
	for i, f := range schema {
		got, name := fields[i], where+"."+f.Name
		if _, ok := got["default"]; ok {
			t.Errorf("%s: a default", name)
		}
		if got["required"] != f.Required {
			t.Errorf("%s: required %v, the schema says %v", name, got["required"], f.Required)
		}
		if i18n, _ := got["i18n"].(bool); i18n != f.PerLang {
			t.Errorf("%s: i18n %v, the schema says per language %v", name, got["i18n"], f.PerLang)
		}
		widget, ok := wantWidget[f.Type]
		if !ok {
			t.Errorf("%s: a type this test does not know, %q: add its widget to wantWidget", name, f.Type)
			continue
		}
		item := got
		switch {
		case f.List && f.Type == content.TypeID:
			if got["multiple"] != true {
				t.Errorf("%s: a relation to one event, the schema has a list", name)
			}
		case f.List:
			if got["widget"] != "list" {
				t.Errorf("%s: widget %v, want a list", name, got["widget"])
				continue
			}
			if min, _ := got["min"].(int); f.Required != (min == 1) {
				t.Errorf("%s: min %v, required %v", name, got["min"], f.Required)
			}
			if len(f.Fields) > 0 {
				item = map[string]any{"widget": "object", "fields": got["fields"]}
			} else {
				item, _ = got["field"].(map[string]any)
			}
		}
		if _, ok := item["default"]; ok {
			t.Errorf("%s: a default", name)
		}
		if w := item["widget"]; w != widget && !(widget == "string" && w == "text" && f.PerLang) {
			t.Errorf("%s: widget %v, want %s", name, w, widget)
		}
		switch f.Type {
		case content.TypeEnum:
			if fmt.Sprint(item["options"]) != fmt.Sprint(f.Values) {
				t.Errorf("%s: options %v, the schema's values %v", name, item["options"], f.Values)
			}
		case content.TypeProvision:
			var keys []string
			for _, o := range item["options"].([]any) {
				keys = append(keys, fmt.Sprint(o.(map[string]any)["value"]))
			}
			if len(keys) < 10 || len(keys) != len(in.Provisions) || !slices.IsSorted(keys) {
				t.Errorf("%s: options %v, the provisions %v", name, keys, in.Provisions)
			}
		case content.TypeAuthority:
			if fmt.Sprint(item["options"]) != fmt.Sprint(in.Authorities) {
				t.Errorf("%s: options %v, the authorities %v", name, item["options"], in.Authorities)
			}
		case content.TypeBool:
			if got := fmt.Sprint(item["options"]); got != "[map[label:true value:true] map[label:false value:false]]" {
				t.Errorf("%s: options %s", name, got)
			}
		case content.TypeID:
			if item["collection"] != "events" || item["value_field"] != "{{slug}}" {
				t.Errorf("%s: a relation to %v by %v", name, item["collection"], item["value_field"])
			}
		case content.TypeByLanguage:
			var langs []string
			for _, l := range item["fields"].([]any) {
				langs = append(langs, fmt.Sprint(l.(map[string]any)["name"]))
			}
			if !slices.Equal(langs, in.Languages) {
				t.Errorf("%s: fields %v, the languages %v", name, langs, in.Languages)
			}
		}
		if len(f.Fields) > 0 {
			var sub []map[string]any
			for _, s := range item["fields"].([]any) {
				sub = append(sub, s.(map[string]any))
			}
			checkFields(t, name, f.Fields, sub, in, false)
		}
	}
	if top {
		b := fields[len(fields)-1]
		if b["widget"] != "markdown" || fmt.Sprint(b["modes"]) != "[raw]" || b["i18n"] != true {
			t.Errorf("%s.body: %v; want Markdown as typed, in each language", where, b)
		}
	}
}

// A field of a type without a widget fails, naming it.
func TestUnknownType(t *testing.T) {
	in := testInput()
	in.Events = append(slices.Clone(events), content.Field{Name: "mystery", Type: "mystery"})
	if _, err := Config(in); err == nil || !strings.Contains(err.Error(), `mystery: no widget for the type "mystery"`) {
		t.Errorf("error %v", err)
	}
}

func TestGitHubRepo(t *testing.T) {
	for address, want := range map[string]string{
		"https://github.com/owner/name":      "owner/name",
		"https://github.com/owner/name.git":  "owner/name",
		"https://GitHub.com/Owner/na.me/":    "Owner/na.me",
		"":                                   "",
		"http://github.com/owner/name":       "",
		"https://gitlab.com/owner/name":      "",
		"https://github.com/owner":           "",
		"https://github.com/owner/name/tree": "",
		"https://github.com/o wner/name":     "",
		"git@github.com:owner/name.git":      "",
	} {
		if got := GitHubRepo(address); got != want {
			t.Errorf("GitHubRepo(%q) = %q, want %q", address, got, want)
		}
	}
}

// The form's patterns never refuse what the checker accepts: each value
// below is written in an event and read by the content package; a value
// it reads without error must match the pattern of its field's type (the
// checker may still refuse what a pattern lets through, such as the 30th
// of February: it has the last word).
func TestPatternsAcceptWhatTheCheckerAccepts(t *testing.T) {
	samples := map[content.Type]struct {
		field  string
		values []string
	}{
		content.TypeDate:     {"date", []string{"2022-10-17", "2020-09", "2021", "2023-02-30", "17/10/2022", "2022-1-5", "22-10-17"}},
		content.TypeDay:      {"checked", []string{"2022-10-17", "2020-09", "2021"}},
		content.TypeCountry:  {"country", []string{"FR", "GB", "US-VT", "CA-BC", "UK", "fr", "FRA", "US-", "ZZ"}},
		content.TypeCurrency: {"amount.currency", []string{"EUR", "GBP", "eur", "EURO", "€"}},
		content.TypeURL:      {"sources.url", []string{"https://www.cnil.fr/fr/x", "http://example.org/a?b=c#d", "javascript:alert(1)", "www.cnil.fr", "https://a b"}},
		content.TypeLanguage: {"sources.language", []string{"fr", "en", "el", "pt-BR", "zh-Hant", "FR", "french", "f"}},
	}
	for typ, s := range samples {
		re := regexp.MustCompile(content.Formats[typ].Pattern)
		for i, v := range s.values {
			ok := readsWithout(t, s.field, v)
			if i == 0 && !ok {
				t.Fatalf("%s %q: the checker refuses the first, valid sample: the test's event is broken", s.field, v)
			}
			if ok && !re.MatchString(v) {
				t.Errorf("%s %q: the checker accepts it, the form's pattern %s refuses it", s.field, v, re)
			}
		}
	}
	// An event's id: the file names the checker reads are the slug's pattern.
	re := regexp.MustCompile(idPattern[0])
	for _, id := range []string{"2024-05-16-ap-sanction", "x", "2024-05-16-AP", "a--b", "-a", "é"} {
		fsys := eventFS("date: 2022-10-17")
		fsys["content/events/"+id+".md"] = fsys["content/events/2022-10-17-x.md"]
		delete(fsys, "content/events/2022-10-17-x.md")
		c := content.Load(fsys, content.Options{})
		if ok := len(c.Diagnostics.Errors()) == 0; ok != re.MatchString(id) {
			t.Errorf("id %q: the checker accepts it: %v; the slug's pattern: %v\n%v", id, ok, re.MatchString(id), c.Diagnostics)
		}
	}
}

// readsWithout writes value, quoted as the CMS writes it, in the field of
// a minimal event and reports whether the checker reads it without an
// error.
func readsWithout(t *testing.T, field, value string) bool {
	t.Helper()
	line := map[string]string{
		"date":             "date: %q",
		"checked":          "checked: %q",
		"country":          "country: %q",
		"amount.currency":  "amount: {value: 1, currency: %q}",
		"sources.url":      "sources: [{url: %q, title: T, publisher: P, language: fr, primary: true}]",
		"sources.language": "sources: [{url: https://x.org/, title: T, publisher: P, language: %q, primary: true}]",
	}[field]
	c := content.Load(eventFS(fmt.Sprintf(line, value)), content.Options{})
	return len(c.Diagnostics.Errors()) == 0
}

// eventFS is a site of one valid event whose field is replaced by line.
func eventFS(line string) fstest.MapFS {
	fields := map[string]string{
		"date": "date: 2022-10-17", "checked": "checked: 2022-10-18", "country": "country: FR", "amount": "amount: {value: 1, currency: EUR}",
		"sources": "sources: [{url: https://x.org/, title: T, publisher: P, language: fr, primary: true}]",
	}
	key, _, _ := strings.Cut(line, ":")
	fields[key] = line
	var b strings.Builder
	b.WriteString("---\n")
	for _, k := range []string{"date", "country"} {
		b.WriteString(fields[k] + "\n")
	}
	b.WriteString("authority: cnil\nkind: fine\n" + fields["amount"] + "\nstatus: final\nconfirmation: decision-text\n" + fields["sources"] + "\n" + fields["checked"] + "\n")
	b.WriteString("title: Titre\nsummary: Résumé.\n---\nTexte.\n")
	return fstest.MapFS{
		content.SiteFile:                 {Data: []byte("languages: [fr]\ntitle: {fr: T}\ndescription: {fr: D}\nsubject: S\nbase_url: https://example.org/\nas_of: 2024-01-01\n")},
		content.AuthoritiesFile:          {Data: []byte("cnil:\n  name: {fr: CNIL}\n  country: FR\n")},
		"content/events/2022-10-17-x.md": {Data: []byte(b.String())},
	}
}
