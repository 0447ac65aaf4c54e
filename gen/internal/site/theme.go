package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
)

// theme is what the pages are drawn with, read from layouts/ and static/:
// the templates, the interface's words in each language, and the
// published static files. Its sum covers every byte it was read from, so
// that a cached page keyed by it and by its view data is never stale.
type theme struct {
	pages  map[string]*template.Template // by page layout file: "event.html"
	assets *assetSet
	// layouts holds the files of layouts/ by path: the words of each
	// language are read from it once the site's languages are known.
	layouts map[string][]byte
	sum     [32]byte
}

// readTree reads every file under dir whose name keep accepts, by path.
// A missing dir reads as empty when optional.
func readTree(fsys fs.FS, dir string, optional bool, keep func(p string, d fs.DirEntry) (bool, error)) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && optional && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if ok, err := keep(p, d); !ok || err != nil {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		files[p] = b
		return err
	})
	return files, err
}

// loadTheme reads layouts/ and static/: the templates parsed and the
// static files minified.
func loadTheme(fsys fs.FS, min *minifier) (*theme, error) {
	layoutFiles, err := readTree(fsys, "layouts", false, func(p string, d fs.DirEntry) (bool, error) {
		return !d.IsDir() && (path.Ext(p) == ".html" || strings.HasPrefix(p, "layouts/i18n/")), nil
	})
	if err != nil {
		return nil, err
	}
	staticFiles, err := readTree(fsys, "static", true, func(p string, d fs.DirEntry) (bool, error) {
		if d.Type()&fs.ModeSymlink != 0 {
			return false, fmt.Errorf("%s: symbolic link; expected a plain file inside static/", p)
		}
		return !d.IsDir() && !strings.HasPrefix(d.Name(), "."), nil
	})
	if err != nil {
		return nil, err
	}
	t := &theme{layouts: layoutFiles}
	h := sha256.New()
	for _, files := range []map[string][]byte{layoutFiles, staticFiles} {
		for _, p := range slices.Sorted(maps.Keys(files)) {
			fmt.Fprintf(h, "%s\x00%d\x00", p, len(files[p]))
			h.Write(files[p])
		}
	}
	h.Sum(t.sum[:0])
	if t.pages, err = parseLayouts(layoutFiles); err != nil {
		return nil, err
	}
	if t.assets, err = publishAssets(staticFiles, min); err != nil {
		return nil, err
	}
	return t, nil
}

// parseLayouts parses the layouts. Each template is named by its path
// ("layouts/event.html"), so that an error reads layouts/event.html:12.
// layouts/base.html and layouts/partials/*.html are shared; every other
// .html file is a page layout defining "main", parsed into its own clone.
func parseLayouts(files map[string][]byte) (map[string]*template.Template, error) {
	var shared, pageFiles []string
	for p := range files {
		switch {
		case path.Ext(p) != ".html":
		case p == "layouts/base.html" || strings.HasPrefix(p, "layouts/partials/"):
			shared = append(shared, p)
		default:
			pageFiles = append(pageFiles, p)
		}
	}
	slices.Sort(shared)
	slices.Sort(pageFiles)
	if !slices.Contains(shared, "layouts/base.html") {
		return nil, fmt.Errorf("layouts/base.html: missing")
	}
	// A word missing from layouts/i18n (.L.T.nope) fails the build.
	root := template.New("layouts").Funcs(funcs).Option("missingkey=error")
	for _, p := range shared {
		if _, err := root.New(p).Parse(string(files[p])); err != nil {
			return nil, err
		}
	}
	pages := map[string]*template.Template{}
	for _, p := range pageFiles {
		t, err := root.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.New(p).Parse(string(files[p])); err != nil {
			return nil, err
		}
		if t.Lookup("main") == nil {
			return nil, fmt.Errorf("%s: defines no \"main\" template", p)
		}
		pages[strings.TrimPrefix(p, "layouts/")] = t
	}
	return pages, nil
}

// funcs are the few template functions; the words of the interface are
// methods of the page's language (.L.T "key").
var funcs = template.FuncMap{
	"join": strings.Join,
}

// assetSet is static/ as published: CSS and JavaScript minified and named
// by a hash of their bytes (style.3f2a9c1b07.css), so that they can be
// cached forever; SVG minified; everything else, and all of static/admin/
// (the CMS), copied as it is.
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

func publishAssets(files map[string][]byte, min *minifier) (*assetSet, error) {
	a := &assetSet{files: map[string][]byte{}, urls: map[string]string{}}
	for p, data := range files {
		rel := strings.TrimPrefix(p, "static/")
		if strings.HasPrefix(rel, "admin/") {
			// The CMS (package cms), a copy of the pinned npm package,
			// minified by its authors, is published as it is: the tests
			// compare it byte for byte with the package. Its address does
			// not change with its content: /admin/ is revalidated on
			// every visit.
			a.files[rel] = data
			a.urls[rel] = "/" + rel
			continue
		}
		out := rel
		var err error
		switch ext := path.Ext(rel); ext {
		case ".css", ".js":
			mt := map[string]string{".css": "text/css", ".js": "application/javascript"}[ext]
			if data, err = min.bytes(mt, data); err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
			sum := sha256.Sum256(data)
			out = strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		case ".svg":
			if data, err = min.bytes("image/svg+xml", data); err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
		}
		a.files[out] = data
		a.urls[rel] = "/" + out
	}
	return a, nil
}
