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
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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

// Write replaces the folder dir with exactly the given files. On any
// error, dir is left as it was.
func Write(dir string, files []File, opt Options) error {
	tx, err := Begin(dir, opt)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := tx.Write(f.Path, f.Data); err != nil {
			tx.Abort()
			return err
		}
	}
	return tx.Commit()
}

// Tx is a replacement of an output folder under way: files are written
// to a temporary folder beside it, which Commit swaps in and Abort removes.
// Write may be called from several goroutines, so that a build can hand
// each file over as soon as it is made and keep nothing in memory.
type Tx struct {
	dir, parent, base, tmp string
	create                 func(name string) (io.WriteCloser, error)

	mu   sync.Mutex
	made map[string]bool
	done bool
}

// Begin starts replacing the folder dir.
func Begin(dir string, opt Options) (*Tx, error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	cleanLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, Prefix+base+"-new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	create := opt.Create
	if create == nil {
		create = func(name string) (io.WriteCloser, error) {
			return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		}
	}
	return &Tx{dir: dir, parent: parent, base: base, tmp: tmp, create: create, made: map[string]bool{}}, nil
}

// Write adds one file, by its slash-separated path inside the folder.
func (t *Tx) Write(path string, data []byte) error {
	if !fs.ValidPath(path) || path == "." || strings.Contains(path, "\\") {
		return fmt.Errorf("publish: %q is not a path inside the folder", path)
	}
	name := filepath.Join(t.tmp, filepath.FromSlash(path))
	d := filepath.Dir(name)
	t.mu.Lock()
	err := t.mkdir(d)
	t.mu.Unlock()
	if err != nil {
		return err
	}
	return writeFile(t.create, name, data)
}

// mkdir makes the folder d inside the new folder, and those above it, once
// each: one mkdir call a folder, no stat.
func (t *Tx) mkdir(d string) error {
	if d == t.tmp || t.made[d] {
		return nil
	}
	if !strings.HasPrefix(d, t.tmp+string(filepath.Separator)) {
		return os.MkdirAll(d, 0o755) // not reached: Write joins a checked path to tmp
	}
	if err := t.mkdir(filepath.Dir(d)); err != nil {
		return err
	}
	if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	t.made[d] = true
	return nil
}

// Commit puts the new folder in place of the old one, in one step.
func (t *Tx) Commit() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		return errors.New("publish: transaction already ended")
	}
	t.done = true
	if err := swap(t.tmp, t.dir, t.parent, t.base); err != nil {
		os.RemoveAll(t.tmp)
		return err
	}
	return nil
}

// Abort drops what was written; the folder stays as it was.
func (t *Tx) Abort() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.done {
		t.done = true
		os.RemoveAll(t.tmp)
	}
}

func writeFile(create func(string) (io.WriteCloser, error), name string, data []byte) error {
	w, err := create(name)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		w.Close()
		return err
	}
	return w.Close()
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
