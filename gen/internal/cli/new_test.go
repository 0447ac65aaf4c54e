package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"timeline/gen/internal/content"
)

// TestScaffold checks that gen new writes every field of the schema, in
// its order, with its comment in one column, and that the two files it
// writes are a valid draft event for every kind.
func TestScaffold(t *testing.T) {
	d, _ := content.ParseDate("2024-05-16")
	for _, kind := range content.Kinds {
		t.Run(kind, func(t *testing.T) {
			src := scaffold(d, "NL", "ap", kind)
			checkScaffold(t, src, content.EventSchema)
			checkScaffold(t, scaffoldEN(), content.EventTextSchema)
			c := content.Load(fstest.MapFS{
				content.SiteFile:                        {Data: []byte("languages: [fr, en]\ntitle: {fr: T, en: T}\ndescription: {fr: D, en: D}\nsubject: Exemple SA\nbase_url: https://example.org/\nas_of: 2026-02-20\n")},
				content.AuthoritiesFile:                 {Data: []byte("ap:\n  name: {fr: AP, en: AP}\n  country: NL\n")},
				"content/events/2024-05-16-essai.md":    {Data: []byte(src)},
				"content/events/2024-05-16-essai.en.md": {Data: []byte(scaffoldEN())},
			}, content.Options{Drafts: true})
			if errs := c.Diagnostics.Errors(); len(errs) > 0 {
				t.Fatalf("the scaffold is not a valid event:\n%v\n%s", errs, src)
			}
			e := c.Event("2024-05-16-essai")
			if !e.Draft || e.Kind != kind || e.Country != "NL" || e.Text("en").Fallback {
				t.Errorf("event = %+v", e)
			}
		})
	}
}

var fieldLine = regexp.MustCompile(`^(\S+):`)

func checkScaffold(t *testing.T, src string, schema []content.Field) {
	t.Helper()
	var names []string
	col := -1
	for _, line := range strings.Split(src, "\n") {
		if m := fieldLine.FindStringSubmatch(line); m != nil {
			names = append(names, m[1])
			if !strings.Contains(line, " # ") {
				t.Errorf("no comment: %s", line)
			}
		}
		i := strings.Index(line, "# ")
		if i <= 0 {
			continue
		}
		if c := utf8.RuneCountInString(line[:i]); col < 0 {
			col = c
		} else if c != col {
			t.Errorf("comment in column %d, not %d: %s", c, col, line)
		}
	}
	var want []string
	for _, f := range schema {
		want = append(want, f.Name)
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("fields:\n%v\nwant\n%v", names, want)
	}
}

// TestNewAuthority: gen new refuses an authority that the authorities'
// file does not have, and prints an entry for it that, once filled in
// and added, lets gen new write the event; a file that exists is refused
// before anything else is checked.
func TestNewAuthority(t *testing.T) {
	root := copyTree(t)
	args := []string{"new", "-root", root, "-date", "2021-09-30", "-country", "SE", "-authority", "sv-court", "-kind", "ruling", "-slug", "essai"}
	code, stdout, stderr := run(args...)
	if code != ExitContent || stdout != "" || !strings.Contains(stderr, `"sv-court" is not in content/data/authorities.yaml`) {
		t.Fatalf("unknown authority: exit %d\n%s%s", code, stdout, stderr)
	}
	entry := stderr[strings.Index(stderr, "\n\nsv-court:")+2:]
	if !strings.Contains(entry, "country: SE") {
		t.Errorf("the entry has not the country:\n%s", entry)
	}
	if _, err := os.Stat(filepath.Join(root, "content/events/2021-09-30-essai.md")); err == nil {
		t.Error("gen new wrote the event all the same")
	}
	file := filepath.Join(root, "content/data/authorities.yaml")
	before, _ := os.ReadFile(file)
	filled := strings.ReplaceAll(entry, `"…"`, `"Tribunal administratif de Stockholm"`)
	if err := os.WriteFile(file, append(before, filled...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(args...); code != ExitOK {
		t.Fatalf("after adding the entry: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := run("check", "-root", root); code != ExitOK {
		t.Errorf("check after adding the authority and the event: exit %d\n%s", code, stderr)
	}
	// The same event again: the file exists, whatever the kind says.
	args[len(args)-3] = "verdict"
	if code, _, stderr := run(args...); code != ExitContent || !strings.Contains(stderr, "already exists") {
		t.Errorf("an existing file: exit %d\n%s", code, stderr)
	}
}
