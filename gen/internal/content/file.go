package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"
)

// Limits on what one file may hold, so that a mangled file is refused
// quickly rather than exhausting the build.
const (
	maxFileSize  = 1 << 20 // 1 MiB
	maxLineBytes = 20000
	maxDepth     = 8
)

type pos struct{ line, col int }

// file is one content file being decoded. lineOff turns front-matter
// lines into file lines; langs are the site's languages.
type file struct {
	path    string
	lineOff int
	diags   Diagnostics
	langs   []string
}

func (f *file) at(n *yaml.Node) pos {
	if n == nil {
		return pos{1, 1}
	}
	return pos{n.Line + f.lineOff, n.Column}
}

func (f *file) report(sev Severity, p pos, field, problem, expected string) {
	f.diags.add(f.path, p, sev, field, problem, expected)
}

func (f *file) errorf(n *yaml.Node, field, expected, format string, args ...any) {
	f.report(Error, f.at(n), field, fmt.Sprintf(format, args...), expected)
}

// text checks a file's size and encoding. It returns the text without
// its byte-order mark, or false after reporting what is wrong.
func (f *file) text(src []byte) ([]byte, bool) {
	switch {
	case len(src) > maxFileSize:
		f.report(Error, pos{1, 1}, "", fmt.Sprintf("file is %d bytes", len(src)), fmt.Sprintf("a content file of at most %d bytes; split the text", maxFileSize))
		return nil, false
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) ||
		(len(src) > 1 && (src[0] == 0 || src[1] == 0)):
		f.report(Error, pos{1, 1}, "", "file is UTF-16", "UTF-8 text; save the file as UTF-8")
		return nil, false
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF")) // a UTF-8 byte-order mark is harmless
	if !utf8.Valid(src) {
		i := 0 // the first byte that is not UTF-8, its column counted in characters
		for {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		line, start := lineOf(src, i)
		f.report(Error, pos{line, 1 + utf8.RuneCount(src[start:i])}, "", "invalid UTF-8",
			"UTF-8 text; save the file as UTF-8")
		return nil, false
	}
	line := 1
	for l := range bytes.Lines(src) {
		if len(bytes.TrimSuffix(l, []byte("\n"))) > maxLineBytes {
			f.report(Error, pos{line, maxLineBytes + 1}, "", fmt.Sprintf("line longer than %d bytes", maxLineBytes),
				fmt.Sprintf("lines of at most %d bytes; break the paragraph", maxLineBytes))
			return nil, false
		}
		line++
	}
	if i := bytes.IndexByte(src, 0); i >= 0 { // its column counted in bytes
		line, start := lineOf(src, i)
		f.report(Error, pos{line, i - start + 1}, "", "NUL byte in text", "plain UTF-8 text")
		return nil, false
	}
	return src, true
}

// lineOf is the line of byte i of src, and the offset where that line starts.
func lineOf(src []byte, i int) (line, start int) {
	return 1 + bytes.Count(src[:i], []byte("\n")), bytes.LastIndexByte(src[:i], '\n') + 1
}

// split checks the file's encoding and cuts it into its front matter,
// parsed as a YAML node tree with positions, and its Markdown body.
// The node is nil when the file could not be parsed; f.diags says why.
func (f *file) split(src []byte) (root *yaml.Node, body []byte, bodyLine int) {
	src, ok := f.text(src)
	if !ok {
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
	f.lineOff = 1 + bytes.Count(lead, []byte("\n")) // the fence's line

	var doc yaml.Node
	rest, err := frontmatter.MustParse(bytes.NewReader(src), &doc, frontmatter.NewFormat("---", "---", yaml.Unmarshal))
	if errors.Is(err, frontmatter.ErrNotFound) {
		// Not found: either the first line is no fence, or nothing closes it.
		if first, _, _ := bytes.Cut(src[len(lead):], []byte("\n")); string(bytes.TrimSpace(first)) != "---" {
			f.report(Error, pos{f.lineOff, 1}, "", "no front matter", `a file that begins with a "---" line, the YAML fields, and a closing "---" line`)
		} else {
			f.report(Error, pos{f.lineOff, 1}, "", "front matter not closed", `a "---" line after the last field`)
		}
		return nil, nil, 0
	}
	if err != nil { // reading from memory fails only in the YAML decoder
		f.yamlError(err)
		return nil, nil, 0
	}
	if len(doc.Content) == 0 {
		f.report(Error, pos{f.lineOff, 1}, "", "empty front matter", "the fields of the file between the two \"---\" lines")
		return nil, nil, 0
	}
	// The body is the end of src: taken from src, not from the parser's
	// buffer, which has grown to twice the file and would stay in memory
	// as long as the body does.
	front, body := src[:len(src)-len(rest)], src[len(src)-len(rest):]
	return f.mapping(doc.Content[0], "front matter is not a list of fields"), body, 1 + bytes.Count(front, []byte("\n"))
}

// doc reads the data file f.path of fsys (what it holds: what) as one
// YAML value, or reports why it cannot; an optional file may not exist.
func (f *file) doc(fsys fs.FS, what string, optional bool) *yaml.Node {
	src, err := fs.ReadFile(fsys, f.path)
	if err == nil {
		return f.parseDoc(src)
	}
	if !optional || !errors.Is(err, fs.ErrNotExist) {
		expected := "the file " + f.path
		if optional {
			expected += ", or none"
		}
		f.report(Error, pos{}, "", "cannot read "+what+": "+errText(err), expected)
	}
	return nil
}

// parseDoc reads a whole data file as one YAML value, not checked plain.
func (f *file) parseDoc(src []byte) *yaml.Node {
	src, ok := f.text(src)
	if !ok {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		f.yamlError(err)
		return nil
	}
	if len(doc.Content) == 0 {
		f.report(Error, pos{1, 1}, "", "empty file", "YAML fields")
		return nil
	}
	return doc.Content[0]
}

// mapping returns n if it is a plain mapping, else nil, after reporting
// what makes it not plain, or problem.
func (f *file) mapping(n *yaml.Node, problem string) *yaml.Node {
	if n == nil || !f.plain(n, 0) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "", "fields written as key: value", "%s", problem)
		return nil
	}
	return n
}

// yamlError turns a YAML syntax error into a diagnostic on the file's
// line, read back from the text: "yaml: line N: problem" (there is no
// error type).
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
	return !slices.ContainsFunc(n.Content, func(c *yaml.Node) bool { return !f.plain(c, depth+1) }) // stops at the first that is not
}
