package publish

import (
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var oldSite = []File{{"index.html", []byte("old home")}, {"en/index.html", []byte("old en")}, {"gone/index.html", []byte("removed later")}}
var newSite = []File{{"index.html", []byte("new home")}, {"en/index.html", []byte("new en")}, {"css/a.css", []byte("body{}")}}

func TestWriteReplacesWhole(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(dir, oldSite, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, newSite, Options{}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "new home", "en/index.html": "new en", "css/a.css": "body{}"}
	if got := snapshot(t, dir); !maps.Equal(got, want) {
		t.Errorf("got %v, want %v (nothing stale)", got, want)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output folder: %v", entries)
	}
}

// failAt is a file system whose writes fail once n bytes have been written
// in all, across files.
// failAt counts the bytes written by every file's writer, which write on
// several cores at once, and fails the write that reaches byte n.
type failAt struct {
	mu         sync.Mutex
	n, written int
}

type failWriter struct {
	f  *os.File
	fa *failAt
}

var errInjected = errors.New("injected write error")

func (w *failWriter) Write(b []byte) (int, error) {
	w.fa.mu.Lock()
	defer w.fa.mu.Unlock()
	if w.fa.written+len(b) > w.fa.n {
		k := w.fa.n - w.fa.written
		w.f.Write(b[:k])
		w.fa.written = w.fa.n
		return k, errInjected
	}
	w.fa.written += len(b)
	return w.f.Write(b)
}

func (w *failWriter) Close() error { return w.f.Close() }

// TestWriteFailureLeavesOldSite fails the write at every byte of a small
// site: the previous output must stay exactly as it was each time.
func TestWriteFailureLeavesOldSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(dir, oldSite, Options{}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	total := 0
	for _, f := range newSite {
		total += len(f.Data)
	}
	for n := 0; n < total; n++ {
		fa := &failAt{n: n}
		err := Write(dir, newSite, Options{Create: func(name string) (io.WriteCloser, error) {
			f, err := os.Create(name)
			if err != nil {
				return nil, err
			}
			return &failWriter{f, fa}, nil
		}})
		if !errors.Is(err, errInjected) {
			t.Fatalf("failing at byte %d: error %v", n, err)
		}
		if got := snapshot(t, dir); !maps.Equal(got, before) {
			t.Fatalf("failing at byte %d changed the output: %v", n, got)
		}
		entries, _ := os.ReadDir(filepath.Dir(dir))
		if len(entries) != 1 {
			t.Fatalf("failing at byte %d left %v", n, entries)
		}
	}
	// And the next good write succeeds.
	if err := Write(dir, newSite, Options{}); err != nil {
		t.Fatal(err)
	}
}

func TestWriteRefusesEscapes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	for _, p := range []string{"../x", "/etc/x", "a/../../x", `a\..\x`, ""} {
		if err := Write(dir, []File{{p, []byte("x")}}, Options{}); err == nil || !strings.Contains(err.Error(), "not a path inside") {
			t.Errorf("Write(%q) = %v", p, err)
		}
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a refused write created the output folder")
	}
}

func TestLeftoversRemoved(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	stale := filepath.Join(parent, Prefix+"public-new-123")
	os.MkdirAll(stale, 0o755)
	if err := Write(dir, newSite, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a killed run's temporary folder was left")
	}
}
