package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
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
// rebuild is complete. It calls ready once the folders are watched: a
// change before that is not seen.
func (s *Server) Watch(ctx context.Context, root string, ready func()) error {
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
	ready()
	// changed is true from the first change of a save until its rebuild.
	changed := false
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			s.logf("watch: %v", err)
		case ev := <-w.Events:
			if base := filepath.Base(ev.Name); strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					add(ev.Name)
				}
			}
			if !changed {
				s.Begin()
				changed = true
			}
			timer = time.After(settle)
		case <-timer:
			changed, timer = false, nil
			s.Build()
		}
	}
}
