// Package publish writes a built site to its output folder so that the
// folder holds, at every instant, either the whole previous site or the
// whole new one.
//
// The new site is written to a temporary folder beside the output folder,
// then the two folders are exchanged with one atomic
// rename (renameat2 RENAME_EXCHANGE on Linux; elsewhere two renames, with
// a short window where the folder is missing). The old site is then
// removed. A build killed at any moment leaves the old site or the new
// one in place, and at worst a temporary folder that the next run removes.
// Files are not synced one by one: the guarantee is against a killed
// process, which loses nothing written, not against a power cut.
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
	// Create opens a file for writing; nil means os.OpenFile.
	Create func(name string) (io.WriteCloser, error)
}

// Write replaces the folder dir with exactly the given files, written on
// all cores to a new folder beside it, then swapped in. On any error, dir
// is left as it was.
func Write(dir string, files []File, opt Options) error {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	cleanLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, Prefix+base+"-new-")
	if err != nil {
		return err
	}
	if err = write(tmp, files, opt); err == nil {
		err = swap(tmp, dir, parent, base)
	}
	if err != nil {
		os.RemoveAll(tmp)
	}
	return err
}

// write writes files into the new folder tmp: the folders first, then
// the files on all cores; every error is returned, in file order.
func write(tmp string, files []File, opt Options) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	create := opt.Create
	if create == nil {
		create = func(name string) (io.WriteCloser, error) {
			return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		}
	}
	made := map[string]bool{}
	for _, f := range files {
		if !fs.ValidPath(f.Path) || f.Path == "." || strings.Contains(f.Path, "\\") {
			return fmt.Errorf("publish: %q is not a path inside the folder", f.Path)
		}
		if d := path.Dir(f.Path); !made[d] {
			made[d] = true
			if err := os.MkdirAll(filepath.Join(tmp, filepath.FromSlash(d)), 0o755); err != nil {
				return err
			}
		}
	}
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	cores := make(chan struct{}, runtime.GOMAXPROCS(0)) // one token per file being written
	for i, f := range files {
		cores <- struct{}{}
		wg.Go(func() {
			defer func() { <-cores }()
			w, err := create(filepath.Join(tmp, filepath.FromSlash(f.Path)))
			if err == nil {
				_, err = w.Write(f.Data)
				err = cmp.Or(err, w.Close()) // closed in any case; the write's error first
			}
			errs[i] = err
		})
	}
	wg.Wait()
	return errors.Join(errs...) // which leaves out the nils
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
	if err := exchange(tmp, dir); err == nil {
		// tmp now holds the old site.
		syncDir(parent)
		return os.RemoveAll(tmp)
	}
	old := filepath.Join(parent, Prefix+base+"-old")
	os.RemoveAll(old)
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		return err
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
