package cms

import (
	"fmt"
	"strings"

	"timeline/gen/internal/content"

	"go.yaml.in/yaml/v3"
)

// body is a file's Markdown body, edited as plain text: the CMS writes
// it as typed, translated like the other per-language fields.
func body() *yaml.Node {
	return m("name", bodyField, "widget", "markdown", "modes", []string{"raw"},
		"i18n", true, "required", false,
		"hint", "Markdown. Link to another event or page by its file name: [the fine](2022-10-17-cnil-sanction.md).")
}

type writer struct {
	in          Input
	authorities []string
}

// provisions are the select's options for a provision: its key, labelled
// with its title.
func (w *writer) provisions() *yaml.Node {
	n := seq()
	for _, p := range w.in.Provisions {
		n.Content = append(n.Content, m("label", p.Key+" · "+p.Title, "value", p.Key))
	}
	return n
}

func (w *writer) fields(schema []content.Field) ([]*yaml.Node, error) {
	out := make([]*yaml.Node, 0, len(schema))
	for _, f := range schema {
		n, err := w.field(f)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// field is the form's field for f: its name, its widget and that
// widget's options, whether it is required and translated, and its note.
func (w *writer) field(f content.Field) (*yaml.Node, error) {
	if f.List {
		return w.list(f)
	}
	spec, err := w.widget(f)
	if err != nil {
		return nil, err
	}
	return w.finish(f, spec), nil
}

// finish puts the name first and the flags last, around spec.
func (w *writer) finish(f content.Field, spec *yaml.Node) *yaml.Node {
	n := m("name", f.Name)
	n.Content = append(n.Content, spec.Content...)
	add(n, "required", f.Required)
	if f.PerLang {
		add(n, "i18n", true)
	}
	if f.Doc != "" {
		add(n, "hint", f.Doc)
	}
	return n
}

// widget is the widget of one value of f's type, and its options.
func (w *writer) widget(f content.Field) (*yaml.Node, error) {
	switch f.Type {
	case content.TypeText:
		// A sentence or a paragraph is easier to read in a box of several
		// lines; it is one line in the file.
		if f.Long {
			return m("widget", "text", "pattern", oneLine[:]), nil
		}
		return m("widget", "string"), nil
	case content.TypeDate, content.TypeDay, content.TypeCountry, content.TypeCurrency, content.TypeSlug, content.TypeLanguage:
		return m("widget", "string", "pattern", pattern(f.Type)), nil
	case content.TypeURL:
		return m("widget", "string", "type", "url", "pattern", pattern(f.Type)), nil
	case content.TypeAuthority:
		if len(w.authorities) == 0 {
			return nil, fmt.Errorf("%s: no authority", f.Name)
		}
		return m("widget", "select", "options", w.authorities), nil
	case content.TypeEnum:
		return m("widget", "select", "options", f.Values), nil
	case content.TypeBool:
		// A select, not the boolean widget, which writes false for a
		// field left alone: every save would add draft: false.
		// Its options are labelled: the CMS shows false as an empty label.
		return m("widget", "select", "options", seq(m("label", "true", "value", true), m("label", "false", "value", false))), nil
	case content.TypeInt:
		return m("widget", "number", "value_type", "int", "min", 0, "step", 1), nil
	case content.TypeID:
		return m("widget", "relation", "collection", "events", "value_field", "{{slug}}",
			"search_fields", []string{"title", "date"}, "display_fields", []string{"{{date}} · {{title}}"}), nil
	case content.TypeProvision:
		if len(w.in.Provisions) == 0 { // a site without a table of laws
			return m("widget", "string"), nil
		}
		return m("widget", "select", "options", w.provisions()), nil
	case content.TypeByLanguage:
		var fs []*yaml.Node
		for _, l := range w.in.Languages {
			fs = append(fs, m("name", l, "widget", "text", "pattern", oneLine[:], "required", f.Required))
		}
		return m("widget", "object", "fields", seq(fs...)), nil
	case content.TypeMoney, content.TypePenalty, content.TypeSource, content.TypeUpdate, content.TypeFinding, content.TypeOrder, content.TypeCompliance:
		if len(f.Fields) == 0 {
			return nil, fmt.Errorf("%s: a group of type %s without fields", f.Name, f.Type)
		}
		fs, err := w.fields(f.Fields)
		if err != nil {
			return nil, fmt.Errorf("%s.%w", f.Name, err)
		}
		return m("widget", "object", "collapsed", "auto", "fields", seq(fs...)), nil
	}
	return nil, fmt.Errorf("%s: no widget for the type %q; add one to gen/internal/cms", f.Name, f.Type)
}

// list is the form's field for a list: of related events, a relation
// that takes several; of groups (sources, updates), a list of their
// fields; of values (caveats), a list of one field.
func (w *writer) list(f content.Field) (*yaml.Node, error) {
	one := f
	one.List = false
	spec, err := w.widget(one)
	if err != nil {
		return nil, err
	}
	var n *yaml.Node
	switch {
	case f.Type == content.TypeID:
		n = m()
		n.Content = append(n.Content, spec.Content...)
		add(n, "multiple", true)
	case len(f.Fields) > 0:
		n = m("widget", "list", "collapsed", "auto", "fields", get(spec, "fields"))
	default:
		if f.Item == "" {
			return nil, fmt.Errorf("%s: a list of values without the name of an item (Item)", f.Name)
		}
		item := m("name", f.Item)
		item.Content = append(item.Content, spec.Content...)
		n = m("widget", "list", "field", item)
	}
	if f.Required && f.Type != content.TypeID {
		add(n, "min", 1)
	}
	return w.finish(f, n), nil
}

// pattern is the pattern of the type t's format, and its message.
func pattern(t content.Type) []string {
	f := content.Formats[t]
	msg := strings.ToUpper(f.Expected[:1]) + f.Expected[1:]
	if !strings.HasSuffix(msg, "…") {
		msg += "."
	}
	return []string{f.Pattern, msg}
}

// get returns the value of key in the mapping n.
func get(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// m is a mapping of the keys and values kv, in their order.
func m(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Content = append(n.Content, scalar(kv[i].(string)), value(kv[i+1]))
	}
	return n
}

// add appends the keys and values kv to the mapping n.
func add(n *yaml.Node, kv ...any) { n.Content = append(n.Content, m(kv...).Content...) }

func seq(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func value(v any) *yaml.Node {
	switch v := v.(type) {
	case *yaml.Node:
		return v
	case string:
		return scalar(v)
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(v)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(v)}
	case []string:
		n := seq()
		for _, s := range v {
			n.Content = append(n.Content, scalar(s))
		}
		return flow(n)
	}
	panic(fmt.Sprintf("cms: no YAML for %T", v))
}

// flow writes a short list on one line.
func flow(n *yaml.Node) *yaml.Node {
	n.Style = yaml.FlowStyle
	return n
}
