// Package publish writes a built site to its output folder so that the
// folder holds, at every instant, either the whole previous site or the
// whole new one.
//
// The new site is written to a temporary folder beside the output folder,
// each file as the build gives it (Stream), then the two folders are
// exchanged with one atomic rename (renameat2 RENAME_EXCHANGE on Linux;
// elsewhere two renames, with a short window where the folder is missing).
// The old site is then removed. A build killed at any moment leaves the
// old site or the new one in place, and at worst a temporary folder that
// the next run removes. Files are not synced one by one: the guarantee is
// against a killed process, which loses nothing written, not against a
// power cut.
package publish

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// File is one file to write, by its slash-separated path in the folder.
type File struct {
	Path string
	Data []byte
}

// Prefix starts the names of the temporary folders made beside the
// output folder; leftovers of a killed run are removed by the next one.
const Prefix = ".publish-"

// Options lets tests inject faults.
type Options struct {
	Create func(name string) (io.WriteCloser, error) // opens a file for writing; nil means os.OpenFile
	// Finish, when set, is called with the new folder once every file is
	// written, before it is swapped in: it may add files to it (the search
	// index). Its error leaves the old folder in place.
	Finish func(dir string) error
}

// Write replaces the folder dir with exactly the given files (Stream).
func Write(dir string, files []File, opt Options) error {
	_, err := Stream(dir, opt, func(emit func(string, []byte) error) error {
		for _, f := range files {
			if err := emit(f.Path, f.Data); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}

// Stream replaces the folder dir with exactly the files that build gives
// to emit, each written, on all cores, as it comes, into a new folder
// beside dir, which is swapped in once build returns and every file is
// written. It returns how many files were written. On any error, of build
// or of a write, dir is left as it was and the new folder removed. emit
// is called by one goroutine at a time; the data it is given must not
// change after.
func Stream(dir string, opt Options, build func(emit func(path string, data []byte) error) error) (int, error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	cleanLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, Prefix+base+"-new-")
	if err != nil {
		return 0, err
	}
	create := opt.Create
	if create == nil {
		create = func(name string) (io.WriteCloser, error) {
			return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		}
	}
	// Each folder is made once, as it is needed, then each file written by
	// a goroutine of its own, as many at once as there are cores; the
	// first error of any write stops the next emits.
	var (
		n     int
		made  = map[string]bool{}
		cores = make(chan struct{}, runtime.GOMAXPROCS(0))
		wg    sync.WaitGroup
		mu    sync.Mutex
		errs  []error
	)
	emit := func(p string, data []byte) error {
		n++
		if !fs.ValidPath(p) || p == "." || strings.Contains(p, "\\") {
			return fmt.Errorf("publish: %q is not a path inside the folder", p)
		}
		mu.Lock()
		err := errors.Join(errs...)
		mu.Unlock()
		if err != nil {
			return err
		}
		if d := path.Dir(p); !made[d] {
			made[d] = true
			if err := os.MkdirAll(filepath.Join(tmp, filepath.FromSlash(d)), 0o755); err != nil {
				return err
			}
		}
		cores <- struct{}{}
		wg.Go(func() {
			defer func() { <-cores }()
			f, err := create(filepath.Join(tmp, filepath.FromSlash(p)))
			if err == nil {
				_, err = f.Write(data)
				err = cmp.Or(err, f.Close()) // closed in any case; the write's error first
			}
			if err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
		return nil
	}
	if err = os.Chmod(tmp, 0o755); err == nil {
		err = build(emit)
	}
	wg.Wait()
	if err = cmp.Or(err, errors.Join(errs...)); err == nil && opt.Finish != nil {
		err = opt.Finish(tmp)
	}
	if err == nil {
		err = swap(tmp, dir, parent, base)
	}
	if err != nil {
		os.RemoveAll(tmp)
	}
	return n, err
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// swap puts the new folder at dir and removes the old one.
func swap(tmp, dir, parent, base string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, dir); err != nil {
			return err
		}
		return syncDir(parent)
	}
	old := tmp // where the old site is once the new one is at dir
	if exchange(tmp, dir) != nil {
		old = filepath.Join(parent, Prefix+base+"-old")
		os.RemoveAll(old)
		if err := os.Rename(dir, old); err != nil {
			return err
		}
		if err := os.Rename(tmp, dir); err != nil {
			os.Rename(old, dir)
			return err
		}
	}
	syncDir(parent)
	return os.RemoveAll(old)
}

// cleanLeftovers removes the temporary folders of runs that were killed.
func cleanLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), Prefix+base+"-") {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}
