package content

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

// Limits on what one file may hold, so that a mangled file is refused
// quickly rather than exhausting the build.
const (
	maxFileSize  = 1 << 20 // 1 MiB
	maxLineBytes = 20000
	maxDepth     = 8
)

type pos struct{ line, col int }

// file is one content file being decoded: its path, the diagnostics found
// so far, and the offset from front-matter lines to file lines.
type file struct {
	path    string
	lineOff int
	diags   Diagnostics
	// front is the file up to the end of its front matter.
	front []byte
}

func (f *file) at(n *yaml.Node) pos {
	if n == nil {
		return pos{1, 1}
	}
	return pos{n.Line + f.lineOff, n.Column}
}

func (f *file) report(sev Severity, p pos, field, problem, expected string) {
	f.diags = append(f.diags, Diagnostic{Path: f.path, Line: p.line, Col: p.col, Field: field,
		Problem: problem, Expected: expected, Severity: sev})
}

func (f *file) errorf(n *yaml.Node, field, expected, format string, args ...any) {
	f.report(Error, f.at(n), field, fmt.Sprintf(format, args...), expected)
}

// split checks the file's encoding and cuts it into its front matter,
// parsed as a YAML node tree with positions, and its Markdown body.
// The node is nil when the file could not be parsed; f.diags says why.
func (f *file) split(src []byte) (root *yaml.Node, body []byte, bodyLine int) {
	switch {
	case len(src) > maxFileSize:
		f.report(Error, pos{1, 1}, "", fmt.Sprintf("file is %d bytes", len(src)), fmt.Sprintf("a content file of at most %d bytes; split the text", maxFileSize))
		return nil, nil, 0
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) ||
		(len(src) > 1 && (src[0] == 0 || src[1] == 0)):
		f.report(Error, pos{1, 1}, "", "file is UTF-16", "UTF-8 text; save the file as UTF-8")
		return nil, nil, 0
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF")) // a UTF-8 byte-order mark is harmless
	if p, ok := invalidUTF8(src); ok {
		f.report(Error, p, "", "invalid UTF-8", "UTF-8 text; save the file as UTF-8")
		return nil, nil, 0
	}
	if p, ok := longLine(src); ok {
		f.report(Error, p, "", fmt.Sprintf("line longer than %d bytes", maxLineBytes), fmt.Sprintf("lines of at most %d bytes; break the paragraph", maxLineBytes))
		return nil, nil, 0
	}
	if p, ok := nulByte(src); ok {
		f.report(Error, p, "", "NUL byte in text", "plain UTF-8 text")
		return nil, nil, 0
	}

	if len(bytes.TrimSpace(src)) == 0 {
		f.report(Error, pos{1, 1}, "", "empty file", `a "---" line, the fields, a closing "---" line, then the text`)
		return nil, nil, 0
	}
	// adrg/frontmatter skips the blank lines before the opening fence, and
	// the node's lines count from the line after it: the fence's own line
	// is needed to give positions in the file.
	lead := src[:len(src)-len(bytes.TrimLeftFunc(src, unicode.IsSpace))]
	fence := 1 + bytes.Count(lead, []byte("\n"))
	f.lineOff = fence

	var node yaml.Node
	rest, err := frontmatter.MustParse(bytes.NewReader(src), &node, frontmatter.NewFormat("---", "---", yaml.Unmarshal))
	if errors.Is(err, frontmatter.ErrNotFound) {
		// Not found: either the first line is no fence, or nothing closes it.
		if first, _, _ := bytes.Cut(src[len(lead):], []byte("\n")); string(bytes.TrimSpace(first)) != "---" {
			f.report(Error, pos{fence, 1}, "", "no front matter", `a file that begins with a "---" line, the YAML fields, and a closing "---" line`)
		} else {
			f.report(Error, pos{fence, 1}, "", "front matter not closed", `a "---" line after the last field`)
		}
		return nil, nil, 0
	}
	if err != nil { // reading from memory fails only in the YAML decoder
		f.yamlError(err)
		return nil, nil, 0
	}
	f.front = src[:len(src)-len(rest)]
	bodyLine = 1 + bytes.Count(f.front, []byte("\n"))
	if len(node.Content) == 0 {
		f.report(Error, pos{fence, 1}, "", "empty front matter", "the fields of the file between the two \"---\" lines")
		return nil, nil, 0
	}
	root = node.Content[0]
	if !f.plain(root, 0) {
		return nil, nil, 0
	}
	if root.Kind != yaml.MappingNode {
		f.errorf(root, "", "fields written as key: value", "front matter is not a list of fields")
		return nil, nil, 0
	}
	return root, rest, bodyLine
}

// yamlError turns a YAML syntax error into a diagnostic on the file's line.
// go.yaml.in/yaml/v3 has no error type for syntax errors: it returns a
// plain error whose text is "yaml: line N: problem", so the line is read
// back from the text.
func (f *file) yamlError(err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if where, problem, ok := strings.Cut(msg, ": "); ok {
		if _, err := fmt.Sscanf(where, "line %d", &line); err == nil {
			msg = problem
		}
	}
	expected := "valid YAML"
	if strings.Contains(msg, "found character that cannot start any token") || strings.Contains(msg, "tab") {
		expected = "spaces for indentation, never tabs"
	}
	f.report(Error, pos{line + f.lineOff, 1}, "", "YAML: "+msg, expected)
}

// plain refuses what the schema never needs and a mangled file may abuse:
// anchors and aliases (the "billion laughs"), tags, and deep nesting.
func (f *file) plain(n *yaml.Node, depth int) bool {
	if depth > maxDepth {
		f.errorf(n, "", fmt.Sprintf("at most %d levels of nesting", maxDepth), "fields nested too deep")
		return false
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		f.errorf(n, "", "each value written out in full", "YAML anchors and aliases are not allowed")
		return false
	}
	if n.Tag != "" && n.Style&yaml.TaggedStyle != 0 {
		f.errorf(n, "", "plain values without a !tag", "YAML tags are not allowed")
		return false
	}
	for _, c := range n.Content {
		if !f.plain(c, depth+1) {
			return false
		}
	}
	return true
}

func invalidUTF8(src []byte) (pos, bool) {
	if utf8.Valid(src) {
		return pos{}, false
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return pos{line, col}, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return pos{}, false
}

func longLine(src []byte) (pos, bool) {
	line := 1
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			i = len(src)
		}
		if i > maxLineBytes {
			return pos{line, maxLineBytes + 1}, true
		}
		src = src[min(i+1, len(src)):]
		line++
	}
	return pos{}, false
}

func nulByte(src []byte) (pos, bool) {
	i := bytes.IndexByte(src, 0)
	if i < 0 {
		return pos{}, false
	}
	line := 1 + bytes.Count(src[:i], []byte("\n"))
	return pos{line, i - bytes.LastIndexByte(src[:i], '\n')}, true
}

// fields reads a mapping node into its keys, reporting unknown and
// duplicate keys. allowed lists the keys in the order of the schema.
func (f *file) fields(n *yaml.Node, prefix string, allowed []string) map[string]*yaml.Node {
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
		if !slices.Contains(allowed, k.Value) {
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

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// str reads a text value. Numbers and booleans are refused rather than
// silently turned into text, so that "title: 2022" is noticed.
func (f *file) str(n *yaml.Node, field string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		f.errorf(n, field, `text; put it in quotes ("…")`, "%s is not text", describe(n))
		return "", false
	}
	s := strings.TrimSpace(n.Value)
	if s == "" {
		f.errorf(n, field, "some text", "empty")
		return "", false
	}
	return s, true
}

func (f *file) required(m map[string]*yaml.Node, at *yaml.Node, field, key, expected string) (*yaml.Node, bool) {
	n, ok := m[key]
	if !ok || isNull(n) {
		if ok {
			at = n
		}
		f.errorf(at, field+key, expected, "missing")
		return nil, false
	}
	return n, true
}

func (f *file) strings(n *yaml.Node, field string) []string {
	if n.Kind != yaml.SequenceNode {
		f.errorf(n, field, "a list, one item per line starting with \"- \"", "%s is not a list", describe(n))
		return nil
	}
	var out []string
	for i, c := range n.Content {
		if s, ok := f.str(c, fmt.Sprintf("%s[%d]", field, i+1)); ok {
			out = append(out, s)
		}
	}
	return out
}

func (f *file) date(n *yaml.Node, field string) (Date, bool) {
	if n.Kind != yaml.ScalarNode {
		f.errorf(n, field, "a date: YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-10-17", "%s is not a date", describe(n))
		return Date{}, false
	}
	d, err := ParseDate(n.Value)
	if err != nil {
		f.errorf(n, field, "a date: YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-10-17", "%s", err)
		return Date{}, false
	}
	return d, true
}

func (f *file) boolean(n *yaml.Node, field string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || (n.Value != "true" && n.Value != "false") {
		f.errorf(n, field, "true or false", "%s is not true or false", describe(n))
		return false, false
	}
	return n.Value == "true", true
}

func (f *file) integer(n *yaml.Node, field string) (int64, bool) {
	const expected = "a whole number in plain digits, e.g. 20000000 (no spaces, signs, decimals or currency)"
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		f.errorf(n, field, expected, "%s is not a whole number", describe(n))
		return 0, false
	}
	v, err := strconv.ParseInt(n.Value, 10, 64)
	if err != nil {
		f.errorf(n, field, expected, "%q is not written in plain digits", n.Value)
		return 0, false
	}
	if v < 0 {
		f.errorf(n, field, "a positive number; the kind of event says what the amount is", "%d is negative", v)
		return 0, false
	}
	return v, true
}

func (f *file) enum(n *yaml.Node, field string, values []string, hints map[string]string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		f.errorf(n, field, "one of: "+strings.Join(values, ", "), "%s is not one of the values", describe(n))
		return "", false
	}
	if slices.Contains(values, n.Value) {
		return n.Value, true
	}
	expected := "one of: " + strings.Join(values, ", ")
	if h, ok := hints[strings.ToLower(n.Value)]; ok {
		expected += fmt.Sprintf(" (for %q write %s)", n.Value, h)
	} else if s := suggest(n.Value, values); s != "" {
		expected += fmt.Sprintf(" (did you mean %s?)", s)
	}
	f.errorf(n, field, expected, "%q is not allowed", n.Value)
	return "", false
}

var currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)

// money reads {value, currency, qualifier}.
func (f *file) money(n *yaml.Node, field string) (*Money, bool) {
	if n.Kind != yaml.MappingNode {
		f.errorf(n, field, "value: (a whole number) and currency: (an ISO 4217 code) on two indented lines", "%s is not an amount", describe(n))
		return nil, false
	}
	m := f.fields(n, field+".", []string{"value", "currency", "qualifier"})
	var money Money
	ok := true
	if v, has := f.required(m, n, field+".", "value", "the amount as a whole number, e.g. 20000000"); has {
		money.Value, has = f.integer(v, field+".value")
		ok = ok && has
	} else {
		ok = false
	}
	if c, has := f.required(m, n, field+".", "currency", "an ISO 4217 code such as EUR, GBP, USD"); has {
		if s := c.Value; c.Kind != yaml.ScalarNode || !currencyRE.MatchString(s) {
			f.errorf(c, field+".currency", "an ISO 4217 code in capitals such as EUR, GBP, USD", "%s is not a currency code", describe(c))
			ok = false
		} else if _, err := currency.ParseISO(s); err != nil {
			f.errorf(c, field+".currency", "an ISO 4217 code in capitals such as EUR, GBP, USD", "%q is not an ISO 4217 currency", s)
			ok = false
		} else {
			money.Currency = s
		}
	} else {
		ok = false
	}
	money.Qualifier = "exact"
	if q, has := m["qualifier"]; has {
		var good bool
		money.Qualifier, good = f.enum(q, field+".qualifier", Qualifiers, nil)
		ok = ok && good
	}
	return &money, ok
}

// link reads an http or https URL; anything else (javascript:, data:,
// file:, relative) is refused.
func (f *file) link(n *yaml.Node, field string) (string, bool) {
	s, ok := f.str(n, field)
	if !ok {
		return "", false
	}
	const expected = "an address starting with https:// or http://"
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(s, " \t\n\"<>") {
		f.errorf(n, field, expected, "%q is not an http or https URL", s)
		return "", false
	}
	return s, true
}

var subdivisionRE = regexp.MustCompile(`^[A-Z]{2}-[A-Z0-9]{1,3}$`)

// country reads an ISO 3166-1 alpha-2 code, or an ISO 3166-2 subdivision.
func (f *file) country(n *yaml.Node, field string) (string, bool) {
	const expected = "an ISO 3166-1 code in capitals (FR, GB, US) or an ISO 3166-2 subdivision (US-VT, CA-BC)"
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		f.errorf(n, field, expected, "%s is not a country code", describe(n))
		return "", false
	}
	s := n.Value
	code := s
	if subdivisionRE.MatchString(s) {
		code = s[:2]
	}
	if len(code) != 2 || strings.ToUpper(code) != code {
		f.errorf(n, field, expected, "%q is not a country code", s)
		return "", false
	}
	r, err := language.ParseRegion(code)
	if err != nil || !r.IsCountry() || r.Canonicalize().String() != code {
		hint := expected
		if code == "UK" {
			hint = "GB, the ISO 3166-1 code of the United Kingdom"
		}
		f.errorf(n, field, hint, "%q is not an ISO 3166 country", s)
		return "", false
	}
	return s, true
}

var langRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func (f *file) language(n *yaml.Node, field string) (string, bool) {
	const expected = "a BCP 47 language code such as fr, en, it, el, nl, de"
	if n.Kind != yaml.ScalarNode || !langRE.MatchString(n.Value) {
		f.errorf(n, field, expected, "%s is not a language code", describe(n))
		return "", false
	}
	if _, err := language.Parse(n.Value); err != nil {
		f.errorf(n, field, expected, "%q is not a language code", n.Value)
		return "", false
	}
	return n.Value, true
}

// describe names a node's value for a message: the value itself for a
// scalar, "a list" or "a group of fields" otherwise.
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
