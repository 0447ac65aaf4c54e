package site

import (
	"clearviewtimeline/gen/internal/content"

	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// assetSet is static/ as published: CSS and JavaScript minified and named
// by a hash of their bytes (style.3f2a9c1b07.css), so that they can be
// cached forever; everything else copied as it is.
type assetSet struct {
	files map[string][]byte // output path → bytes
	urls  map[string]string // path under static/ → URL of the published file
}

// URL returns the published URL of a file of static/ ("css/site.css").
func (a *assetSet) URL(name string) (string, error) {
	if u, ok := a.urls[name]; ok {
		return u, nil
	}
	return "", fmt.Errorf("no file static/%s", name)
}

// cachedAssets returns the published static files, minifying again only
// when a source file changed.
func (b *Builder) cachedAssets(fsys fs.FS) (*assetSet, error) {
	var sum uint64
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		sum = content.Mix(sum, content.Sum([]byte(p)), content.Sum(data))
		return err
	})
	if err != nil {
		return nil, err
	}
	if b.assetSet != nil && b.assetsSum == sum {
		return b.assetSet, nil
	}
	a, err := b.assets(fsys)
	if err != nil {
		return nil, err
	}
	b.assetSet, b.assetsSum = a, sum
	return a, nil
}

func (b *Builder) assets(fsys fs.FS) (*assetSet, error) {
	a := &assetSet{files: map[string][]byte{}, urls: map[string]string{}}
	err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s: symbolic link; expected a plain file inside static/", p)
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "static/")
		out := rel
		switch ext := path.Ext(rel); ext {
		case ".css", ".js":
			mt := map[string]string{".css": "text/css", ".js": "application/javascript"}[ext]
			if data, err = b.min.bytes(mt, data); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			sum := sha256.Sum256(data)
			out = strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		case ".svg":
			if data, err = b.min.bytes("image/svg+xml", data); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		a.files[out] = data
		a.urls[rel] = "/" + out
		return nil
	})
	return a, err
}
