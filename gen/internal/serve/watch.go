package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watched are the folders whose changes trigger a rebuild.
var Watched = []string{"content", "layouts", "static"}

// settle is how long the watcher waits after a change for the others of
// the same save (editors write, rename and chmod in quick succession).
const settle = 5 * time.Millisecond

// Watch rebuilds on every change under root's watched folders until ctx
// is done. Requests wait from the first change of a save until its
// rebuild is complete.
func (s *Server) Watch(ctx context.Context, root string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	add := func(dir string) {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				if strings.HasPrefix(d.Name(), ".") && p != dir {
					return filepath.SkipDir
				}
				w.Add(p)
			}
			return nil
		})
	}
	for _, d := range Watched {
		add(filepath.Join(root, d))
	}
	var pending []string
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			s.logf("watch: %v", err)
		case ev := <-w.Events:
			rel, err := filepath.Rel(root, ev.Name)
			if err != nil {
				continue
			}
			rel = filepath.ToSlash(rel)
			if base := filepath.Base(rel); strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					add(ev.Name)
				}
			}
			if len(pending) == 0 {
				s.Begin()
			}
			if !slices.Contains(pending, rel) {
				pending = append(pending, rel)
			}
			timer = time.After(settle)
		case <-timer:
			paths := pending
			pending, timer = nil, nil
			s.Changed(paths)
		}
	}
}
