package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzLoadEvent loads one event file of arbitrary bytes beside a valid
// site. It must not panic or hang, and every diagnostic must name a file
// of the tree with a line when it is about the fuzzed file's content.
func FuzzLoadEvent(f *testing.F) {
	f.Add([]byte(validEvent))
	f.Add([]byte(validNotice))
	f.Add([]byte(strings.ReplaceAll(validEvent, "\n", "\r\n")))
	f.Add([]byte("\ufeff" + validEvent))
	// The corpus of bad inputs is the rest of the seeds.
	files, _ := filepath.Glob("../site/testdata/corpus/*.txtar")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, tf := range txtar.Parse(b).Files {
			if strings.HasPrefix(tf.Name, "content/events/") {
				f.Add(tf.Data)
			}
		}
	}
	known := map[string]bool{eventPath: true}
	for p := range testFS(nil) {
		known[p] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := Load(testFS(map[string]string{eventPath: string(data)}), Options{})
		for _, d := range c.Diagnostics {
			if !known[d.Path] {
				t.Errorf("diagnostic for an unknown file: %v", d)
			}
			if d.Path == eventPath && d.Line < 1 {
				t.Errorf("diagnostic without a line: %v", d)
			}
			if strings.ContainsAny(d.Error(), "\n\r") {
				t.Errorf("diagnostic on more than one line: %q", d.Error())
			}
		}
	})
}
