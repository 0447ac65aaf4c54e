package content

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Severity says whether a Diagnostic stops the build.
type Severity int

const (
	// Error makes the build fail.
	Error Severity = iota
	// Warning is reported; gen check --strict turns it into an error.
	Warning
)

// Diagnostic is one problem found in a content file. It prints as
//
//	content/events/x.md:7:3: kind: "amende" is not allowed; expected one of: …
//
// with the line and column counted in the file, from 1.
type Diagnostic struct {
	Path     string
	Line     int
	Col      int
	Field    string
	Problem  string
	Expected string
	Severity Severity
}

func (d Diagnostic) Error() string {
	s := d.Path
	if d.Line > 0 {
		s += fmt.Sprintf(":%d:%d", d.Line, max(d.Col, 1))
	}
	s += ": "
	if d.Severity == Warning {
		s += "warning: "
	}
	if d.Field != "" {
		s += d.Field + ": "
	}
	s += d.Problem
	if d.Expected != "" {
		s += "; expected " + d.Expected
	}
	return s
}

// Diagnostics is every problem of a run, sorted by file, line and column.
type Diagnostics []Diagnostic

// add appends the problem of the file path at p.
func (ds *Diagnostics) add(path string, p pos, sev Severity, field, problem, expected string) {
	*ds = append(*ds, Diagnostic{Path: path, Line: p.line, Col: p.col, Field: field, Problem: problem, Expected: expected, Severity: sev})
}

// Sort orders the diagnostics by path, line, column, then text, so that
// runs over the same tree print the same list.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Error(), b.Error()),
		)
	})
}

// Errors returns the diagnostics of severity Error.
func (ds Diagnostics) Errors() Diagnostics { return ds.of(Error) }

// Warnings returns the diagnostics of severity Warning.
func (ds Diagnostics) Warnings() Diagnostics { return ds.of(Warning) }

func (ds Diagnostics) of(sev Severity) Diagnostics {
	return slices.DeleteFunc(slices.Clone(ds), func(d Diagnostic) bool { return d.Severity != sev })
}

// Strict returns a copy where every warning has become an error.
func (ds Diagnostics) Strict() Diagnostics {
	out := slices.Clone(ds)
	for i := range out {
		out[i].Severity = Error
	}
	return out
}

// Error joins the lines of all diagnostics.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}

// suggest returns the candidate closest to s by edit distance, or "" when
// none is close enough to be a likely typo.
func suggest(s string, candidates []string) string {
	best, bestDist := "", max(2, len(s)/4)+1
	for _, c := range candidates {
		if d := levenshtein(s, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// didYouMean is expected followed by the candidate closest to s, when
// one is close enough to be a likely typo, or else by otherwise.
func didYouMean(expected, s string, candidates []string, otherwise string) string {
	if c := suggest(s, candidates); c != "" {
		return fmt.Sprintf("%s (did you mean %s?)", expected, c)
	}
	return expected + otherwise
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// ReviewedFile lists the warnings that editors have reviewed and accepted,
// each with its reason: gen check does not list them again, and gen check
// -strict lets them pass. It is optional.
const ReviewedFile = "content/data/reviewed-warnings.yaml"

// ReviewedSchema is one entry of ReviewedFile.
var ReviewedSchema = []Field{
	{Name: "file", Type: TypeText, Required: true, Expected: "the file the warning is about, e.g. content/events/2021-06-10-opc-grc.md"},
	{Name: "field", Type: TypeText, Doc: "The field the warning names, e.g. sources; left out when it names none."},
	{Name: "warning", Type: TypeText, Required: true, Expected: "the warning's own words after its field, e.g. no primary source"},
	{Name: "reason", Type: TypeText, Required: true, Expected: "why it is accepted: what was searched, and when"},
}

// reviewed is one entry of ReviewedFile, and where it is written.
type reviewed struct {
	file, field, warning string
	at                   pos
}

// review takes the warnings ReviewedFile accepts out of diags, and
// reports its entries that no longer match one. It returns the
// diagnostics left and how many it accepted.
func review(fsys fs.FS, diags Diagnostics) (Diagnostics, int) {
	src, err := fs.ReadFile(fsys, ReviewedFile)
	if err != nil {
		return diags, 0
	}
	f := &file{path: ReviewedFile}
	var entries []reviewed
	if root := f.parseDoc(src); root != nil && f.plain(root, 0) {
		if root.Kind != yaml.SequenceNode {
			f.errorf(root, "", `a list of reviewed warnings, each starting with "- file: "`, "%s is not a list", describe(root))
		} else {
			for i, n := range root.Content {
				v, ok := f.group(n, fmt.Sprintf("[%d]", i+1), ReviewedSchema, "a reviewed warning", names(ReviewedSchema))
				if ok {
					entries = append(entries, reviewed{get[string](v, "file"), get[string](v, "field"), get[string](v, "warning"), f.at(n)})
				}
			}
		}
	}
	used := make([]bool, len(entries))
	kept := diags[:0:0]
	for _, d := range diags {
		i := slices.IndexFunc(entries, func(r reviewed) bool {
			return d.Severity == Warning && d.Path == r.file && d.Field == r.field && d.Problem == r.warning
		})
		if i < 0 {
			kept = append(kept, d)
		} else {
			used[i] = true
		}
	}
	for i, r := range entries {
		if !used[i] {
			f.report(Warning, r.at, "", fmt.Sprintf("%s: %q is no longer a warning", r.file, r.warning), "the entry removed, now that the warning is gone")
		}
	}
	return append(kept, f.diags...), len(diags) - len(kept)
}
