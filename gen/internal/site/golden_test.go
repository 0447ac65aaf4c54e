package site

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ files of testdata/build/*.txtar")

// repoFS is the repository's own layouts/ and static/, under every scenario.
func repoFS(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := filepath.Join("..", "..", "..")
	for _, dir := range []string{"layouts", "static"} {
		err := fs.WalkDir(os.DirFS(root), dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(filepath.Join(root, p))
			fsys[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

// TestGolden builds each scenario of testdata/build: the content files of
// the archive over the repository's layouts and static files. The archive's
// want/errors holds the exact diagnostics of a failing build; otherwise
// want/files lists every output file, want/warnings the warnings, and each
// other want/PATH the exact bytes of that output file.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/build/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatal("no scenarios", err)
	}
	base := repoFS(t)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			fsys := archiveFS(a)
			for p, f := range base {
				if _, ok := fsys[p]; !ok {
					fsys[p] = f
				}
			}
			for p := range fsys {
				if strings.HasPrefix(p, "want/") {
					delete(fsys, p)
				}
			}
			out, diags, err := BuildAll(fsys, Options{})
			got := map[string]string{}
			if err != nil {
				got["want/errors"] = err.Error() + "\n"
			} else {
				got["want/files"] = strings.Join(out.Paths(), "\n") + "\n"
				if w := diags.Warnings(); len(w) > 0 {
					got["want/warnings"] = w.Error() + "\n"
				}
				for _, f := range a.Files {
					if p, ok := strings.CutPrefix(f.Name, "want/"); ok && p != "files" && p != "warnings" && p != "errors" {
						got[f.Name] = string(out.Files[p])
						if got[f.Name] != "" && !strings.HasSuffix(got[f.Name], "\n") {
							got[f.Name] += "\n"
						}
					}
				}
			}
			if *update {
				var kept []txtar.File
				for _, f := range a.Files {
					if !strings.HasPrefix(f.Name, "want/") {
						kept = append(kept, f)
					}
				}
				names := make([]string, 0, len(got))
				for n := range got {
					names = append(names, n)
				}
				slices.Sort(names)
				for _, n := range names {
					kept = append(kept, txtar.File{Name: n, Data: []byte(got[n])})
				}
				a.Files = kept
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := map[string]string{}
			for _, f := range a.Files {
				if strings.HasPrefix(f.Name, "want/") {
					want[f.Name] = string(f.Data)
				}
			}
			for name, w := range want {
				if got[name] != w {
					t.Errorf("%s differs (go test -update to accept):\ngot:\n%s\nwant:\n%s", name, got[name], w)
				}
			}
			for name := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("unexpected %s:\n%s", name, got[name])
				}
			}
		})
	}
}

// TestLayoutErrorsSayWhere breaks a layout: the error names its file and line.
func TestLayoutErrorsSayWhere(t *testing.T) {
	for name, tt := range map[string]struct{ src, want string }{
		"parse":   {"{{define \"main\"}}\n<p>{{if}}</p>\n{{end}}", "layouts/event.html:2"},
		"execute": {"{{define \"main\"}}\n\n<p>{{.Nope}}</p>\n{{end}}", "layouts/event.html:3"},
	} {
		t.Run(name, func(t *testing.T) {
			fsys := repoFS(t)
			a := txtar.Parse(mustRead(t, "testdata/build/minimal.txtar"))
			for p, f := range archiveFS(a) {
				fsys[p] = f
			}
			fsys["layouts/event.html"] = &fstest.MapFile{Data: []byte(tt.src)}
			_, _, err := BuildAll(fsys, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one naming %s", err, tt.want)
			}
		})
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// archiveFS is the files of an archive as a file system.
func archiveFS(a *txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}
