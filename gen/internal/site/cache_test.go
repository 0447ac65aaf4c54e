package site

import (
	"bytes"
	"html/template"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"timeline/gen/internal/memo"
)

func copyRepo(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(repoRoot(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasPrefix(p, "content/") || strings.HasPrefix(p, "layouts/") || strings.HasPrefix(p, "static/")) {
			return err
		}
		b, err := os.ReadFile("../../../" + p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

func sameOutput(t *testing.T, what string, got, want *Output) {
	t.Helper()
	if len(got.Files) != len(want.Files) {
		t.Errorf("%s: %d files, a fresh build has %d", what, len(got.Files), len(want.Files))
	}
	for p, w := range want.Files {
		if g, ok := got.Files[p]; !ok || !bytes.Equal(g, w) {
			t.Errorf("%s: %s differs from a fresh build", what, p)
		}
	}
}

// TestCachedEqualsFresh edits the tree in every way an editor can; after
// each edit, a build with the Cache the dev server keeps must give
// exactly what a build without one gives, and a failed build must not
// spoil the cache.
func TestCachedEqualsFresh(t *testing.T) {
	fsys := copyRepo(t)
	cache := memo.NewCache()
	opt := Options{Drafts: true, Cache: cache, NoCards: true} // the cards kept: TestCardsCache
	if _, _, err := BuildAll(fsys, opt); err != nil {
		t.Fatal(err)
	}
	edit := func(p, old, new string) {
		t.Helper()
		f := fsys[p]
		if f == nil || !bytes.Contains(f.Data, []byte(old)) {
			t.Fatalf("%s: no %q", p, old)
		}
		fsys[p] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1)}
	}
	const ev = "content/events/2022-10-17-cnil-sanction.md"
	const evEN = "content/events/2022-10-17-cnil-sanction.en.md"
	steps := []struct {
		name string
		do   func()
		opt  func(*Options)
	}{
		{"body", func() { edit(ev, "Le lundi 17 octobre 2022", "Le lundi 17 octobre 2022 (édité)") }, nil},
		{"English title", func() { edit(evEN, "title: ", "title: Edited ") }, nil},
		{"amount", func() { edit(ev, "value: 20000000", "value: 20000001") }, nil},
		{"date", func() { edit(ev, "date: 2022-10-17", "date: 2019-10-17") }, nil},
		{"status", func() { edit(ev, "status: ", "status: quashed\nx: ") }, nil}, // an error
		{"status fixed", func() { edit(ev, "status: quashed\nx: ", "status: ") }, nil},
		{"related", func() { edit(ev, "related:\n", "related:\n  - 2022-02-10-garante-sanction\n") }, nil},
		{"authority name", func() { edit("content/data/authorities.yaml", "(CNIL)", "(CNIL, édité)") }, nil},
		{"site title", func() { edit("content/data/site.yaml", "la chronologie", "la chronologie complète") }, nil},
		{"as of", func() { edit("content/data/site.yaml", "\nas_of: ", "\nas_of: 2031-01-01\n#") }, nil},
		// Every other field of site.yaml; the subject first with a footer
		// that does not print it, where only the words of the interface hold it.
		{"footer without the subject", func() { edit("layouts/partials/footer.html", "{{.L.T.footer_about}} ", "") }, nil},
		{"subject", func() { edit("content/data/site.yaml", "\nsubject: Clearview AI", "\nsubject: Clearview AI Inc.") }, nil},
		{"description", func() { edit("content/data/site.yaml", "toutes les procédures", "toutes les procédures connues") }, nil},
		{"base_url", func() { edit("content/data/site.yaml", "\nbase_url: https://", "\nbase_url: https://www.") }, nil},
		{"license", func() {
			edit("content/data/site.yaml", "textes et données sous licence", "textes et données publiés sous licence")
		}, nil},
		{"repository", func() {
			edit("content/data/site.yaml", "\nas_of:", "\nrepository: https://github.com/exemple/chronologie\nas_of:")
		}, nil},
		{"per_page", func() { edit("content/data/site.yaml", "\nas_of:", "\nper_page: 5\nas_of:") }, nil},
		{"feed_limit", func() { edit("content/data/site.yaml", "\nas_of:", "\nfeed_limit: 3\nas_of:") }, nil},
		{"laws", func() { edit("content/data/laws.yaml", "Licéité du traitement", "Licéité des traitements") }, nil},
		{"layout", func() { edit("layouts/event.html", `<p class="lede">`, `<p class="lede edited">`) }, nil},
		{"card layout", func() { edit("layouts/partials/event-card.html", `<p class="summary">`, `<p class="summary edited">`) }, nil},
		{"words", func() { edit("layouts/i18n/en.yaml", "skip: Skip to content", "skip: Skip to the content") }, nil},
		{"stylesheet", func() { edit("static/css/site.css", "--measure: 44rem;", "--measure: 45rem;") }, nil},
		{"page body", func() { edit("content/pages/about.md", "## Licence", "## Licence des textes") }, nil},
		{"page menu", func() { edit("content/pages/about.en.md", `menu: "About"`, `menu: "About us"`) }, nil},
		{"page slug", func() { edit("content/pages/glossary.en.md", "slug: glossary", "slug: glossary-of-terms") }, nil},
		{"new event", func() {
			fsys["content/events/2026-03-01-new.md"] = &fstest.MapFile{Data: bytes.Replace(fsys[ev].Data, []byte("date: 2019-10-17\npublished: 2022-10-20"), []byte("date: 2026-03-01"), 1)}
		}, nil},
		{"removed event", func() { delete(fsys, "content/events/2026-03-01-new.md") }, nil},
		{"draft", func() { edit(evEN, "title: ", "title: Draft "); edit(ev, "status:", "draft: true\nstatus:") }, nil},
		{"base URL", nil, func(o *Options) { o.BaseURL = "https://preview.example.org/" }},
		{"preview", nil, func(o *Options) { o.Preview = true }},
		{"now", nil, func(o *Options) { o.Now.Y++ }},
	}
	for _, st := range steps {
		if st.do != nil {
			st.do()
		}
		if st.opt != nil {
			st.opt(&opt)
		}
		got, diags, err := BuildAll(fsys, opt)
		fresh := opt
		fresh.Cache = nil
		want, wantDiags, wantErr := BuildAll(fsys, fresh)
		if (err == nil) != (wantErr == nil) || diags.Error() != wantDiags.Error() {
			t.Fatalf("%s: %v / %v, a fresh build: %v / %v", st.name, err, diags, wantErr, wantDiags)
		}
		if err != nil && st.name != "status" { // the one edit that makes the tree invalid
			t.Fatalf("%s: the edit does not build: %v", st.name, err)
		}
		if err == nil {
			sameOutput(t, st.name, got, want)
		}
	}
}

// TestCacheRendersOnlyWhatChanged: after an edit of one event's body, only
// what reads it is made again: the body, the event's page and the
// figures page that lists it; after an edit of its title,
// also every list that shows it.
func TestCacheRendersOnlyWhatChanged(t *testing.T) {
	fsys := copyRepo(t)
	cache := memo.NewCache()
	build := func() (made int) {
		t.Helper()
		if _, _, err := BuildAll(fsys, Options{Cache: cache}); err != nil {
			t.Fatal(err)
		}
		return cache.Made()
	}
	all := build()
	if again := build(); again != 0 {
		t.Errorf("a build of the same tree made %d entries again", again)
	}
	const ev = "content/events/2022-10-17-cnil-sanction.md"
	edit := func(old, new string) {
		fsys[ev] = &fstest.MapFile{Data: bytes.Replace(fsys[ev].Data, []byte(old), []byte(new), 1)}
	}
	edit("Le lundi 17 octobre 2022", "Le lundi 17 octobre 2022 (édité)")
	if made := build(); made != 3 {
		t.Errorf("a body edit made %d entries, want 3 (its body, its page and the figures page); a whole build makes %d", made, all)
	}
	edit("\ntitle: ", "\ntitle: Édité ")
	if made := build(); made < 10 || made > 40 {
		t.Errorf("a title edit made %d entries; a whole build makes %d", made, all)
	}
}

// TestKeyCoversEveryField changes each value that a page's view holds,
// one at a time, down to the last field of the last nested struct: each
// change must change the page's key. A field added to a view is covered
// without anyone having to list it.
func TestKeyCoversEveryField(t *testing.T) {
	coversEveryField(t, &Page{}, func(p *Page) memo.Sum { return memo.Key(p) })
	// An event view, in many pages, counts by the key it keeps of itself.
	coversEveryField(t, &EventView{}, func(ev *EventView) memo.Sum { return memo.Key(*ev) })
	// Two values that differ only in where a string ends differ.
	if memo.Key([]string{"a b", "c"}) == memo.Key([]string{"a", "b c"}) || memo.Key(template.HTML("x")) == memo.Key(template.HTML("y")) {
		t.Error("keyOf confuses different values")
	}
}

// coversEveryField fills p, then changes each of its values in turn:
// each change must change key(p).
func coversEveryField[T any](t *testing.T, p *T, key func(*T) memo.Sum) {
	t.Helper()
	n := 0
	fill(reflect.ValueOf(p).Elem(), &n)
	base := key(p)
	leaves := 0
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.Type().Implements(reflect.TypeFor[memo.Keyed]()) {
				return
			}
			walk(v.Elem(), path)
		case reflect.Struct:
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() {
					walk(v.Field(i), path+"."+f.Name)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), path+"[]")
			}
		case reflect.String, reflect.Int, reflect.Bool:
			if !v.CanSet() {
				t.Fatalf("%s: cannot set", path)
			}
			old := reflect.ValueOf(v.Interface())
			switch v.Kind() {
			case reflect.String:
				v.SetString(v.String() + "!")
			case reflect.Int:
				v.SetInt(v.Int() + 1)
			case reflect.Bool:
				v.SetBool(!v.Bool())
			}
			if key(p) == base {
				t.Errorf("%s: changing it does not change the key", path)
			}
			v.Set(old.Convert(v.Type()))
			leaves++
		default:
			t.Fatalf("%s: a %s in a view", path, v.Kind())
		}
	}
	name := reflect.TypeFor[T]().Name()
	walk(reflect.ValueOf(p).Elem(), name)
	if key(p) != base {
		t.Fatalf("the %s did not come back to its key", name)
	}
	if leaves < 60 {
		t.Errorf("%s: only %d values checked", name, leaves)
	}
}

// fill gives every exported field of v, recursively, a value: one
// element for each slice, a new value for each pointer (but the theme's).
func fill(v reflect.Value, n *int) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.Type().Implements(reflect.TypeFor[memo.Keyed]()) {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), n)
	case reflect.String:
		*n++
		v.SetString("s" + strings.Repeat("x", *n))
	case reflect.Int:
		*n++
		v.SetInt(int64(*n))
	}
}
