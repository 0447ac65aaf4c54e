package content

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Layout of the comments that Sample writes: lines longer than
// alignedText keep their comment beside them instead of pushing every
// comment to the right, unless that leaves less than minComment for it;
// comments wrap before lineWidth.
const (
	alignedText = 40
	minComment  = 40
	lineWidth   = 120
)

// Sample returns the fields of a sample file of schema in YAML, each with
// its Comment, the comments in one column. values holds, in YAML, the
// value of each field written, by its path ("date", "amount.value",
// "sources.url"), a list's items one per line. A field without a value is
// written empty (a list as []); a group whose fields have values is
// written out field by field, and an empty group at the top shows an
// example of itself in its comment. note, when not empty, is a comment
// line written before the per-language fields that follow the facts.
func Sample(schema []Field, values map[string]string, note string) string {
	lines := exampleLines(schema, values, "", "", note)
	col := 0
	for _, l := range lines {
		if n := utf8.RuneCountInString(l.text); l.comment != "" && n <= alignedText {
			col = max(col, n+2)
		}
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.text)
		if l.comment != "" {
			n := utf8.RuneCountInString(l.text)
			at := max(col, n+2)
			if lineWidth-at < minComment { // no room beside the text: the comment goes below it
				b.WriteString("\n")
				at, n = col, 0
			}
			parts := wrap(l.comment, lineWidth-at-2, lineWidth-col-4) // the lines after the first go on under it
			b.WriteString(strings.Repeat(" ", at-n) + "# " + strings.Join(parts, "\n"+strings.Repeat(" ", col)+"#   "))
		}
		b.WriteString("\n")
	}
	return b.String()
}

type exampleLine struct{ text, comment string }

func exampleLines(schema []Field, values map[string]string, path, indent, note string) []exampleLine {
	var out []exampleLine
	for i, f := range schema {
		if note != "" && f.PerLang && i > 0 && !schema[i-1].PerLang {
			out = append(out, exampleLine{text: "# " + note})
		}
		p := path + f.Name
		v, line := values[p], exampleLine{indent + f.Name + ":", f.Comment()}
		given := slices.ContainsFunc(slices.Collect(maps.Keys(values)), func(k string) bool { return strings.HasPrefix(k, p+".") })
		var sub []exampleLine // the lines below the key's
		switch {
		case v != "" && f.List && !strings.HasPrefix(v, "["):
			for _, item := range strings.Split(v, "\n") {
				sub = append(sub, exampleLine{text: indent + "  - " + item})
			}
		case strings.HasPrefix(v, "{"): // a group is written as a block, one field per line
			sub = blockLines(v, f.Fields, indent+"  ")
		case v != "":
			line.text += " " + v
		case f.Fields != nil && (given || indent == ""):
			// An empty group at the top shows an example of itself,
			// commented out: removing the # of each line gives the group.
			sv, hash := values, ""
			if !given {
				sv, hash = map[string]string{}, "#"
				for _, g := range f.Fields {
					if g.Example != "" {
						sv[p+"."+g.Name] = g.Example
					}
				}
			}
			if !f.List {
				sub = exampleLines(f.Fields, sv, p+".", indent+"  ", "")
			} else { // one item, its first field after the "- "
				sub = exampleLines(f.Fields, sv, p+".", indent+"    ", "")
				sub[0].text = indent + "  - " + strings.TrimLeft(sub[0].text, " ")
			}
			for j := range sub {
				sub[j].text = hash + sub[j].text
			}
		case f.List:
			line.text += " []"
		}
		out = append(append(out, line), sub...)
	}
	return out
}

// blockLines writes a group given in YAML's flow style ({value: 100000,
// currency: EUR}) as a block, one field per line, each with its comment
// when fields is the group's schema.
func blockLines(flow string, fields []Field, indent string) []exampleLine {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(flow), &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		panic("content: an example that is not a group: " + flow)
	}
	var out []exampleLine
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		line := exampleLine{text: indent + k.Value + ":"}
		var sub Field
		if j := slices.IndexFunc(fields, func(f Field) bool { return f.Name == k.Value }); j >= 0 {
			sub, line.comment = fields[j], fields[j].Comment()
		}
		if v.Kind == yaml.MappingNode {
			out = append(out, line)
			b, _ := yaml.Marshal(v)
			out = append(out, blockLines(strings.TrimSpace(string(b)), sub.Fields, indent+"  ")...)
			continue
		}
		value := v.Value
		if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			value = `"` + value + `"`
		}
		line.text += " " + value
		out = append(out, line)
	}
	return out
}

// wrap cuts s into lines of at most first runes, then at most rest. It
// never cuts after a colon, nor inside a group in braces within braces.
func wrap(s string, first, rest int) []string {
	var words []string
	depth := 0
	for _, w := range strings.Fields(s) {
		if n := len(words); n > 0 && (strings.HasSuffix(words[n-1], ":") || depth > 1) {
			words[n-1] += " " + w
		} else {
			words = append(words, w)
		}
		depth += strings.Count(w, "{") - strings.Count(w, "}")
	}
	var lines []string
	line, width := "", first
	for _, word := range words {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			lines, line, width = append(lines, line), "", rest
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}
