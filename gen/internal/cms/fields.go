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

// fields are the form's fields for schema: each field's name, its widget
// and that widget's options, whether it is required and translated, and
// its note.
func (in Input) fields(schema []content.Field) ([]*yaml.Node, error) {
	out := make([]*yaml.Node, 0, len(schema))
	for _, f := range schema {
		spec, err := in.widget(f)
		if err == nil && f.List {
			spec, err = list(f, spec)
		}
		if err != nil {
			return nil, err
		}
		n := named(f.Name, spec)
		add(n, "required", f.Required)
		if f.PerLang {
			add(n, "i18n", true)
		}
		if f.Doc != "" {
			add(n, "hint", f.Doc)
		}
		out = append(out, n)
	}
	return out, nil
}

// named is spec with the name first.
func named(name string, spec *yaml.Node) *yaml.Node {
	n := m("name", name)
	n.Content = append(n.Content, spec.Content...)
	return n
}

// widget is the widget of one value of f's type, and its options.
func (in Input) widget(f content.Field) (*yaml.Node, error) {
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
		if len(in.Authorities) == 0 {
			return nil, fmt.Errorf("%s: no authority", f.Name)
		}
		return m("widget", "select", "options", in.Authorities), nil
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
		if len(in.Provisions) == 0 { // a site without a table of laws
			return m("widget", "string"), nil
		}
		options := seq() // each provision's key, labelled with its title
		for _, p := range in.Provisions {
			options.Content = append(options.Content, m("label", p.Key+" · "+p.Title, "value", p.Key))
		}
		return m("widget", "select", "options", options), nil
	case content.TypeByLanguage:
		var fs []*yaml.Node
		for _, l := range in.Languages {
			fs = append(fs, m("name", l, "widget", "text", "pattern", oneLine[:], "required", f.Required))
		}
		return m("widget", "object", "fields", seq(fs...)), nil
	case content.TypeMoney, content.TypePenalty, content.TypeSource, content.TypeUpdate, content.TypeFinding, content.TypeOrder, content.TypeCompliance:
		if len(f.Fields) == 0 {
			return nil, fmt.Errorf("%s: a group of type %s without fields", f.Name, f.Type)
		}
		fs, err := in.fields(f.Fields)
		if err != nil {
			return nil, fmt.Errorf("%s.%w", f.Name, err)
		}
		return m("widget", "object", "collapsed", "auto", "fields", seq(fs...)), nil
	}
	return nil, fmt.Errorf("%s: no widget for the type %q; add one to gen/internal/cms", f.Name, f.Type)
}

// list is the widget of a list of f, whose one value's widget is spec:
// of related events, a relation that takes several; of groups (sources,
// updates), a list of their fields; of values (caveats), a list of one
// field.
func list(f content.Field, spec *yaml.Node) (*yaml.Node, error) {
	var n *yaml.Node
	switch {
	case f.Type == content.TypeID:
		add(spec, "multiple", true)
		return spec, nil
	case len(f.Fields) > 0:
		// The group's object widget's options (collapsed, fields) serve
		// the list.
		n = m("widget", "list")
		n.Content = append(n.Content, spec.Content[2:]...)
	case f.Item == "":
		return nil, fmt.Errorf("%s: a list of values without the name of an item (Item)", f.Name)
	default:
		n = m("widget", "list", "field", named(f.Item, spec))
	}
	if f.Required {
		add(n, "min", 1)
	}
	return n, nil
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
	case []string: // a short list, on one line
		n := seq()
		n.Style = yaml.FlowStyle
		for _, s := range v {
			n.Content = append(n.Content, scalar(s))
		}
		return n
	}
	panic(fmt.Sprintf("cms: no YAML for %T", v))
}
