package content

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the examples of the schema in doc.go and docs/editing.md")

// examples gathers the Example of each field of schema, by path, for
// Sample: a group without one at the top is given its fields'.
func examples(schema []Field) map[string]string {
	out := map[string]string{}
	for _, f := range schema {
		if f.Example != "" {
			out[f.Name] = f.Example
		}
		for _, g := range f.Fields {
			if f.Example == "" && g.Example != "" {
				out[f.Name+"."+g.Name] = g.Example
			}
		}
	}
	return out
}

// example is the annotated sample file of schema that the documentation shows.
func example(schema []Field, note string) string {
	return "---\n" + Sample(schema, examples(schema), note) + "---\nThe body, in Markdown.\n"
}

var (
	eventExample = example(EventSchema, "The text, here in French; ID.en.md holds these fields in English, and nothing else.")
	pageExample  = example(PageSchema, "")
)

// reference is the guide's list of an event's fields, written from the
// schema in Markdown: for each field, a heading (the anchor the dev
// server's error page links to), whether it is required, its note, and
// the values of an enumeration, one per line with its definition.
func reference() string {
	var b strings.Builder
	var fields func(schema []Field, prefix string)
	fields = func(schema []Field, prefix string) {
		for _, f := range schema {
			name := prefix + f.Name
			fmt.Fprintf(&b, "### %s\n\n", name)
			need := "Optional"
			if f.Required {
				need = "Required"
			}
			if f.PerLang {
				need += ", in each language's file"
			}
			fmt.Fprintf(&b, "%s.", need)
			if f.Doc != "" {
				b.WriteString(" " + f.Doc)
			}
			b.WriteString(f.format())
			b.WriteString("\n")
			if f.Values != nil {
				b.WriteString("\n")
				for _, v := range f.Values {
					fmt.Fprintf(&b, "- `%s`: %s\n", v, ValueDocs[v])
				}
			}
			b.WriteString("\n")
			if f.Fields != nil && f.Type != TypeMoney {
				fields(f.Fields, name+".")
			}
		}
	}
	fields(EventSchema, "")
	b.WriteString("### amount, penalty.rate, penalty.total, penalty.cap\n\nEach is an amount:\n\n")
	for _, f := range MoneySchema {
		fmt.Fprintf(&b, "- `%s`: %s\n", f.Name, strings.TrimPrefix(f.Comment(), "optional. "))
	}
	b.WriteString("\n")
	for _, v := range Qualifiers {
		fmt.Fprintf(&b, "  - `%s`: %s\n", v, ValueDocs[v])
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// TestExamples checks that the examples are valid files.
func TestExamples(t *testing.T) {
	if diags := parseOne(entry{"2022-10-17-x.md", "2022-10-17-x", "fr", EventsDir}, []string{"fr", "en"}, []byte(eventExample)).diags; len(diags) > 0 {
		t.Errorf("the event example is not valid:\n%v", diags)
	}
	if diags := parseOne(entry{"x.md", "x", "fr", PagesDir}, []string{"fr", "en"}, []byte(pageExample)).diags; len(diags) > 0 {
		t.Errorf("the page example is not valid:\n%v", diags)
	}
}

// TestDocs checks that the editors' guide shows the example written from
// the schema; go test -update rewrites it.
func TestDocs(t *testing.T) {
	for _, d := range []struct{ file, begin, end, prefix, block string }{
		{"../../../docs/editing.md", "## Every field, with an example\n\n```yaml\n", "```\n", "", eventExample},
		{"../../../docs/editing.md", "<!-- written from the schema: go test ./gen/internal/content -update -->\n\n", "\n<!-- end of the list written from the schema -->", "", reference() + "\n"},
	} {
		b, err := os.ReadFile(d.file)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(b)
		i := strings.Index(doc, d.begin)
		j := strings.Index(doc[i+len(d.begin):], d.end)
		if i < 0 || j < 0 {
			t.Fatalf("%s: no %q … %q", d.file, d.begin, d.end)
		}
		start, end := i+len(d.begin), i+len(d.begin)+j
		want := strings.ReplaceAll(strings.TrimSuffix(d.block, "\n"), "\n", "\n"+d.prefix)
		want = strings.ReplaceAll(d.prefix+want+"\n", d.prefix+"\n", strings.TrimSpace(d.prefix)+"\n")
		if doc[start:end] == want {
			continue
		}
		if !*update {
			t.Errorf("%s does not show the example written from the schema (go test -update rewrites it):\n%s", d.file, want)
			continue
		}
		if err := os.WriteFile(d.file, []byte(doc[:start]+want+doc[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEveryValueDocumented: the guide defines every value of every
// enumeration of the schema.
func TestEveryValueDocumented(t *testing.T) {
	var walk func(schema []Field, prefix string)
	walk = func(schema []Field, prefix string) {
		for _, f := range schema {
			for _, v := range f.Values {
				if ValueDocs[v] == "" {
					t.Errorf("%s%s: value %q has no definition in ValueDocs", prefix, f.Name, v)
				}
			}
			walk(f.Fields, prefix+f.Name+".")
		}
	}
	walk(EventSchema, "")
	walk(PageSchema, "")
}
