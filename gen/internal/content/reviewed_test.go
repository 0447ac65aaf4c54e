package content

import (
	"strings"
	"testing"
)

// TestReviewed accepts a reviewed warning, reports an entry whose warning
// is gone, and keeps every other warning.
func TestReviewed(t *testing.T) {
	noPrimary := strings.Replace(validEvent, "primary: true", "primary: false", 1)
	reviewedFile := `- file: ` + eventPath + `
  field: sources
  warning: no primary source
  reason: "The decision could not be read; searched on 30 November 2026."
- file: content/events/2021-11-26-cnil-mise-en-demeure.md
  field: sources
  warning: no primary source
  reason: "Fixed since."
`
	c := Load(testFS(map[string]string{eventPath: noPrimary, ReviewedFile: reviewedFile}), Options{})
	want := ReviewedFile + `:5:3: warning: content/events/2021-11-26-cnil-mise-en-demeure.md: "no primary source" is no longer a warning; expected the entry removed, now that the warning is gone`
	if c.Reviewed != 1 || len(c.Diagnostics) != 1 || c.Diagnostics[0].Error() != want {
		t.Errorf("reviewed %d, diagnostics:\n%v\nwant:\n%s", c.Reviewed, c.Diagnostics, want)
	}
	// Without the file, the warning is there.
	c = Load(testFS(map[string]string{eventPath: noPrimary}), Options{})
	if c.Reviewed != 0 || len(c.Diagnostics.Warnings()) != 1 {
		t.Errorf("without %s: reviewed %d, %v", ReviewedFile, c.Reviewed, c.Diagnostics)
	}
	// An entry without its reason is an error.
	c = Load(testFS(map[string]string{eventPath: noPrimary, ReviewedFile: "- file: " + eventPath + "\n  field: sources\n  warning: no primary source\n"}), Options{})
	if errs := c.Diagnostics.Errors(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "reason: missing") {
		t.Errorf("an entry without its reason: %v", c.Diagnostics)
	}
}
