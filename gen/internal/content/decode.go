package content

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// value is what decode found for one field: the node it is written in
// (nil when absent or empty) and the value read (nil when absent or wrong).
type value struct {
	node *yaml.Node
	v    any
}

// values are the fields of one mapping as decode read them, by name.
type values map[string]value

// get returns the value read for the field name, or the zero T.
func get[T any](vs values, name string) T {
	v, _ := vs[name].v.(T)
	return v
}

// decode reads the fields of the mapping n by schema: each with the
// reader of its type, reporting unknown, duplicate and missing fields.
// prefix places n in the file ("sources[1].").
func (f *file) decode(n *yaml.Node, prefix string, schema []Field) values {
	m := f.keys(n, prefix, fieldNames(schema))
	out := make(values, len(schema))
	for i := range schema {
		fd := &schema[i]
		node := m[fd.Name]
		if node == nil || node.Kind == yaml.ScalarNode && node.Tag == "!!null" { // absent or empty
			if fd.Required {
				f.errorf(cmp.Or(node, n), prefix+fd.Name, fd.expected(), "missing")
			}
			if fd.Default != "" {
				out[fd.Name] = value{v: fd.Default}
			}
			continue
		}
		v, ok := f.read(fd, node, prefix+fd.Name)
		if !ok {
			v = nil
		}
		out[fd.Name] = value{node, v}
	}
	return out
}

// keys reads a mapping node into its keys, reporting unknown (unless
// allowed is nil) and duplicate keys.
func (f *file) keys(n *yaml.Node, prefix string, allowed []string) map[string]*yaml.Node {
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	seen := make(map[string]pos)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := prefix + k.Value
		if k.Kind != yaml.ScalarNode {
			f.errorf(k, prefix, "a field name", "a key must be a plain word")
			continue
		}
		if p, dup := seen[k.Value]; dup {
			f.errorf(k, name, "each field once", "field written twice (first on line %d)", p.line)
			continue
		}
		seen[k.Value] = f.at(k)
		if allowed != nil && !slices.Contains(allowed, k.Value) {
			// {value: 2,5 millions, currency: SEK} reads as value: 2 and a
			// field "5 millions": the comma split the number.
			if prev := i - 1; prev > 0 && n.Style&yaml.FlowStyle != 0 && k.Value[0] >= '0' && k.Value[0] <= '9' &&
				(n.Content[prev].Tag == "!!int" || n.Content[prev].Tag == "!!float") {
				num := n.Content[prev]
				f.errorf(num, prefix+n.Content[prev-1].Value, "the whole number in plain digits, e.g. 2500000 for 2,5 millions",
					"a comma split the number: %s,%s reads as %s and a field %q", num.Value, k.Value, num.Value, k.Value)
				continue
			}
			expected := "a field of the schema: " + strings.Join(allowed, ", ")
			if s := suggest(k.Value, allowed); s != "" {
				expected = fmt.Sprintf("a field of the schema: did you mean %q?", s)
			}
			f.errorf(k, name, expected, "unknown field")
			continue
		}
		out[k.Value] = v
	}
	return out
}

// entries decodes the mapping n (maybe nil) of keys to groups of schema,
// the authorities by key or a law's provisions by number: add gets, in
// the file's order, each group under a key written once that re matches.
func (f *file) entries(n *yaml.Node, prefix string, re *regexp.Regexp, keyExpected, keyProblem string, schema []Field, noun string, add func(key string, v values)) {
	if n == nil {
		return
	}
	m := f.keys(n, prefix, nil) // only duplicates can fail here
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, g := n.Content[i], n.Content[i+1]
		if m[k.Value] != g {
			continue
		}
		if !re.MatchString(k.Value) {
			f.errorf(k, prefix+k.Value, keyExpected, keyProblem, k.Value)
			continue
		}
		if v, _ := f.group(g, prefix+k.Value, schema, noun, names(schema)); v != nil {
			add(k.Value, v)
		}
	}
}

// translation decodes a translation file by the per-language fields of
// schema, refusing the facts, which belong in the default language's file.
func (f *file) translation(root *yaml.Node, schema []Field) values {
	text := perLang(schema)
	kept := *root
	kept.Content = nil
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if j := slices.IndexFunc(schema, func(fd Field) bool { return fd.Name == k.Value }); j >= 0 && !schema[j].PerLang {
			f.errorf(k, k.Value, "facts written once, in the default language's file; here only: "+strings.Join(fieldNames(text), ", "), "a fact in a translation file")
			continue
		}
		kept.Content = append(kept.Content, root.Content[i], root.Content[i+1])
	}
	return f.decode(&kept, "", text)
}

// read reads the value of the field fd, written in n, by its type.
func (f *file) read(fd *Field, n *yaml.Node, name string) (any, bool) {
	switch fd.Type {
	case TypeText, TypeAuthority:
		return readAs(f, fd, n, name, f.str)
	case TypeDate, TypeDay:
		return readAs(f, fd, n, name, func(n *yaml.Node, name string) (Date, bool) { return f.date(n, name, fd.Type) })
	case TypeCountry:
		return readAs(f, fd, n, name, f.country)
	case TypeID:
		return readAs(f, fd, n, name, f.id)
	case TypeEnum:
		return readAs(f, fd, n, name, func(n *yaml.Node, name string) (string, bool) { return f.enum(n, name, fd.Values, fd.Hints) })
	case TypeBool:
		return readAs(f, fd, n, name, f.boolean)
	case TypeInt:
		return readAs(f, fd, n, name, f.integer)
	case TypeCurrency:
		return readAs(f, fd, n, name, f.currency)
	case TypeURL:
		return readAs(f, fd, n, name, f.link)
	case TypeSlug:
		return readAs(f, fd, n, name, f.slug)
	case TypeLanguage:
		return readAs(f, fd, n, name, f.language)
	case TypeByLanguage, TypeLinks:
		return readAs(f, fd, n, name, func(n *yaml.Node, name string) (map[string]string, bool) { return f.perLanguage(n, name, fd.Type) })
	case TypeMoney:
		return readAs(f, fd, n, name, f.money)
	case TypePenalty:
		return readAs(f, fd, n, name, f.penalty)
	case TypeSource:
		return readAs(f, fd, n, name, f.source)
	case TypeUpdate:
		return readAs(f, fd, n, name, f.update)
	case TypeProvision:
		return readAs(f, fd, n, name, f.provision)
	case TypeProvisions:
		return readAs(f, fd, n, name, f.provisions)
	case TypeFinding:
		return readAs(f, fd, n, name, f.finding)
	case TypeOrder:
		return readAs(f, fd, n, name, f.order)
	case TypeCompliance:
		return readAs(f, fd, n, name, f.compliance)
	}
	panic("content: no reader for the type " + fd.Type)
}

// readAs reads one value with read, or a list of them when fd is a list;
// a list keeps the items that could be read.
func readAs[T any](f *file, fd *Field, n *yaml.Node, name string, read func(*yaml.Node, string) (T, bool)) (any, bool) {
	if !fd.List {
		v, ok := read(n, name)
		return v, ok
	}
	if n.Kind != yaml.SequenceNode || (fd.Required && len(n.Content) == 0) {
		expected, noun := `a list, one item per line starting with "- "`, ""
		switch fd.Type {
		case TypeID:
			expected = `a list of event ids, one per line starting with "- "`
		case TypeSource:
			expected, noun = `a list of at least one source, each starting with "- url: "`, " of sources"
		}
		problem := describe(n) + " is not a list" + noun
		if n.Kind == yaml.SequenceNode {
			problem = "an empty list"
		}
		f.errorf(n, name, expected, "%s", problem)
		return nil, false
	}
	var out []T
	for i, c := range n.Content {
		if v, ok := read(c, fmt.Sprintf("%s[%d]", name, i+1)); ok {
			out = append(out, v)
		}
	}
	return out, true
}

// group decodes the mapping n by schema; v is nil when n is not a mapping
// (noun and expected describe it then), and ok false when a field is wrong.
func (f *file) group(n *yaml.Node, name string, schema []Field, noun, expected string) (v values, ok bool) {
	if n.Kind != yaml.MappingNode {
		f.errorf(n, name, expected, "%s is not %s", describe(n), noun)
		return nil, false
	}
	before := len(f.diags)
	v = f.decode(n, name+".", schema)
	return v, len(f.diags) == before
}

// describe names a node's value for a message.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a group of fields"
	}
	if n.Tag == "!!null" {
		return "an empty value"
	}
	v := n.Value
	if len(v) > 60 {
		v = v[:57] + "…"
	}
	return strconv.Quote(v)
}
