package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
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

// Error joins the lines of all diagnostics, so that Diagnostics can be
// returned as an error.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}
