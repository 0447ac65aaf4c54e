package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// FuzzBuild builds a small site whose one event file (facts and French
// text) and English translation are arbitrary. No panic, no hang; every
// error names a content file; and when it builds, no page carries a
// script, handler or URL the layouts did not write.
func FuzzBuild(f *testing.F) {
	en := "---\ntitle: Fine\nsummary: A fine.\n---\nText with a [link](2020-01-01-base.md).\n"
	files, _ := filepath.Glob("testdata/corpus/*.txtar")
	golden, _ := filepath.Glob("testdata/build/*.txtar")
	for _, file := range append(files, golden...) {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, tf := range txtar.Parse(b).Files {
			if strings.HasPrefix(tf.Name, "content/events/") && !strings.HasSuffix(tf.Name, ".en.md") {
				f.Add(tf.Data, []byte(en))
			}
		}
	}
	base := corpusFS(f)
	f.Fuzz(func(t *testing.T, event, translation []byte) {
		fsys := fstest.MapFS{}
		for p, v := range base {
			fsys[p] = v
		}
		fsys["content/events/2022-10-17-x.md"] = &fstest.MapFile{Data: event}
		fsys["content/events/2022-10-17-x.en.md"] = &fstest.MapFile{Data: translation}
		// The cards are fuzzed by package share's FuzzPainter: here they
		// would cost more than the rest of the build.
		out, _, err := BuildAll(fsys, Options{NoCards: true})
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "content/") {
					t.Errorf("an error that names no content file: %q", line)
				}
			}
			return
		}
		checkNothingInjected(t, out)
	})
}
