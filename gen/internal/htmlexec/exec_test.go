package htmlexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"time"
)

type item struct {
	Name  string
	URL   string
	Tags  []string
	N     int
	Ptr   *item
	Any   any
	HTML  template.HTML
	JS    template.JS
	When  time.Time
	Kind  kind2
	inner string
}

type kind2 string

func (i *item) Greet(who string) string          { return "hello " + who + " from " + i.Name }
func (i item) Double(n int) int                  { return 2 * n }
func (i *item) Fail() (string, error)            { return "", errors.New("failed") }
func (i *item) Join(sep string, s ...string) any { return strings.Join(s, sep) }

var funcs = template.FuncMap{
	"lower": strings.ToLower,
	"add":   func(a, b int) int { return a + b },
	"join":  strings.Join,
}

func data() map[string]any {
	leaf := &item{Name: "leaf <b>&'\"+", URL: "https://example.org/a b?q=1&r=é#x", N: 3}
	return map[string]any{
		"Item": &item{
			Name: "Léa & <Co>", URL: "/chemin/é?x='1'", Tags: []string{"a", "b<", "c"}, N: 0,
			Ptr: leaf, Any: leaf, HTML: "<em>sûr</em>", JS: `{"a":1}`,
			When: time.Date(2022, 10, 17, 0, 0, 0, 0, time.UTC), Kind: "fine",
		},
		"Items": []item{{Name: "one", N: 1}, {Name: "two", N: 2}},
		"Map":   map[string]int{"b": 2, "a": 1, "c": 3},
		"Empty": []string{},
		"Bad":   "javascript:alert(1)",
		"Nil":   (*item)(nil),
		"Num":   7,
	}
}

// cases are run by html/template and by htmlexec, which must agree.
var cases = []string{
	`<p>{{.Item.Name}}</p>`,
	`<a href="{{.Item.URL}}" title="{{.Item.Name}}">{{.Item.Ptr.URL}}</a>`,
	`<a href="{{.Bad}}">x</a><a href="/x?q={{.Item.Name}}">y</a>`,
	`<title>{{.Item.Name}} {{.Item.HTML}}</title>`,
	`<div>{{.Item.HTML}}</div>`,
	`<script type="application/ld+json">{{.Item.JS}}</script>`,
	`{{range $i, $t := .Item.Tags}}{{$i}}={{$t}};{{else}}none{{end}}`,
	`{{range .Empty}}x{{else}}empty{{end}}`,
	`{{range $k, $v := .Map}}{{$k}}:{{$v}} {{end}}`,
	`{{range .Items}}{{if eq .N 2}}{{break}}{{end}}{{.Name}}{{end}}`,
	`{{range .Items}}{{if eq .N 1}}{{continue}}{{end}}{{.Name}}{{end}}`,
	`{{range 3}}{{.}}{{end}}`,
	`{{with .Item.Ptr}}{{.Name}}{{else}}no{{end}}{{with .Nil}}x{{else}}nil{{end}}`,
	`{{if and .Item.Tags (not .Item.N)}}yes{{end}}{{if or .Item.N .Empty}}a{{else}}b{{end}}`,
	`{{if eq .Item.Kind "fine" "penalty"}}k{{end}}{{if ne .Num 7}}ne{{end}}{{if lt .Num 8}}lt{{end}}{{if ge .Num 7}}ge{{end}}`,
	`{{.Item.Greet "Ana"}} {{.Item.Double 4}} {{.Item.Join "-" "a" "b" "c"}}`,
	`{{$x := .Item.Name}}{{$x = lower $x}}{{$x}} {{add 1 2}} {{join .Item.Tags ", "}}`,
	`{{.Item.Name | lower}} {{"Ab" | lower}}`,
	`{{print "n=" .Num}} {{len .Item.Tags}}`,
	`{{.Item.When}} <time datetime="{{.Item.When}}">{{.Item.Kind}}</time>`,
	`{{define "T"}}[{{.Name}}{{with $}}{{.N}}{{end}}]{{end}}{{template "T" .Item}}{{range .Items}}{{template "T" .}}{{end}}`,
	`{{(.Item.Ptr).Name}} {{$.Item.Any.Name}}`,
	`<p class="{{.Item.Kind}}" data-n="{{.Num}}">{{.Item.N}}</p>`,
	`{{.Missing}}<a title="{{.Missing}}">x</a>`,
}

func run(t *testing.T, src string, d any) (want string, wantErr error, got string, gotErr error) {
	t.Helper()
	parse := func() *template.Template {
		return template.Must(template.New("t").Funcs(funcs).Parse(src))
	}
	var w bytes.Buffer
	wantErr = parse().ExecuteTemplate(&w, "t", d)
	set, err := Compile(parse(), funcs, "t")
	if err != nil {
		return w.String(), wantErr, "", err
	}
	var g bytes.Buffer
	gotErr = set.Execute(&g, "t", d)
	return w.String(), wantErr, g.String(), gotErr
}

func TestSameAsHTMLTemplate(t *testing.T) {
	for _, src := range cases {
		want, wantErr, got, gotErr := run(t, src, data())
		if wantErr != nil {
			t.Fatalf("%s: html/template: %v", src, wantErr)
		}
		if gotErr != nil {
			t.Errorf("%s: %v", src, gotErr)
			continue
		}
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", src, got, want)
		}
	}
}

// What htmlexec does not run it refuses, and what fails fails: in both
// cases the caller runs html/template instead.
func TestRefuses(t *testing.T) {
	for _, src := range []string{
		`{{.Item.Fail}}`,      // an error from a method
		`{{.Nil.Name}}`,       // a nil pointer
		`{{.Item.inner}}`,     // an unexported field
		`{{.Item.Name.Nope}}`, // no such field
		`{{index .Item.Tags 0}}`,
		`{{printf "%d" .Num}}`,
		`<a title="{{.Item.HTML}}">x</a>`,         // trusted HTML in an attribute: its tags are stripped
		`<script>var x = {{.Item.Name}}</script>`, // a value made JSON
		`<p style="color: {{.Item.Name}}">x</p>`,  // CSS
		`{{0.5}}`,
	} {
		_, _, got, gotErr := run(t, src, data())
		if gotErr == nil {
			t.Errorf("%s: ran, wrote %q", src, got)
		}
	}
}

// Escaping errors are html/template's, returned by Compile.
func TestCompileEscapeError(t *testing.T) {
	tm := template.Must(template.New("t").Parse(`<a href="{{if .}}x">{{end}}`))
	_, err := Compile(tm, nil, "t")
	var te *template.Error
	if !errors.As(err, &te) {
		t.Fatalf("got %v, want an html/template error", err)
	}
}

// FuzzEscapers sends any text through every context the layouts use.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "a & b", "<script>", "javascript:x", "https://x.org/a b?c=d&e=é#f", "%zz%41", "\x00\xff'\"+`", "mailto:a@b", "/a:b"} {
		f.Add(s)
	}
	src := `<title>{{.}}</title><p title="{{.}}">{{.}}</p><a href="{{.}}">x</a><a href="/p?q={{.}}">y</a><img alt="" src="/x/{{.}}">`
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range []any{s, template.HTML(s), template.URL(s)} {
			want, wantErr, got, gotErr := run(t, src, d)
			if gotErr != nil {
				if _, isHTML := d.(template.HTML); isHTML && errors.Is(gotErr, ErrUnsupported) {
					continue // trusted HTML in an attribute
				}
				t.Fatalf("%T %q: %v", d, s, gotErr)
			}
			if wantErr != nil || got != want {
				t.Fatalf("%T %q:\n got %q\nwant %q (%v)", d, s, got, want, wantErr)
			}
		}
	})
}

func BenchmarkExecute(b *testing.B) {
	src := strings.Join(cases[:16], "\n")
	d := data()
	ht := template.Must(template.New("t").Funcs(funcs).Parse(src))
	set, err := Compile(template.Must(ht.Clone()), funcs, "t")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.Run("html-template", func(b *testing.B) {
		for b.Loop() {
			buf.Reset()
			if err := ht.Execute(&buf, d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("htmlexec", func(b *testing.B) {
		for b.Loop() {
			buf.Reset()
			if err := set.Execute(&buf, "t", d); err != nil {
				b.Fatal(fmt.Errorf("%w", err))
			}
		}
	})
}
