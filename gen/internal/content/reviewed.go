package content

import (
	"fmt"
	"io/fs"
	"slices"

	"go.yaml.in/yaml/v3"
)

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

// review reads ReviewedFile, takes the warnings it accepts out of diags,
// and reports its entries that no longer match a warning, so that the
// list stays true. It returns the diagnostics left and how many warnings
// it accepted.
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
