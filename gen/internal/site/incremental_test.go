package site

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
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

// TestIncrementalEqualsFresh edits the tree in many ways; after each edit,
// the long-lived Builder (as the dev server uses it, trusting its memory
// of unchanged files) must give exactly what a new Builder gives.
func TestIncrementalEqualsFresh(t *testing.T) {
	fsys := copyRepo(t)
	b := NewBuilder()
	opt := Options{Drafts: true}
	if _, _, err := b.Build(fsys, opt); err != nil {
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
		name  string
		do    func()
		paths []string
	}{
		{"body", func() { edit(ev, "Le lundi 17 octobre 2022", "Le lundi 17 octobre 2022 (édité)") }, []string{ev}},
		{"English title", func() { edit(evEN, "title: ", "title: Edited ") }, []string{evEN}},
		{"amount", func() { edit(ev, "value: 20000000", "value: 20000001") }, []string{ev}},
		{"date", func() { edit(ev, "date: 2022-10-17", "date: 2019-10-17") }, []string{ev}},
		{"authority name", func() { edit("content/data/authorities.yaml", "(CNIL)", "(CNIL, édité)") }, []string{"content/data/authorities.yaml"}},
		{"layout", func() { edit("layouts/event.html", `<p class="lede">`, `<p class="lede edited">`) }, []string{"layouts/event.html"}},
		{"words", func() { edit("layouts/i18n/en.yaml", "skip: Skip to content", "skip: Skip to the content") }, nil},
		{"stylesheet", func() { edit("static/css/site.css", "--measure: 44rem;", "--measure: 45rem;") }, nil},
		{"page body", func() { edit("content/pages/about.md", "## Licence", "## Licence des textes") }, []string{"content/pages/about.md"}},
		{"page menu", func() { edit("content/pages/about.en.md", `menu: "About"`, `menu: "About us"`) }, []string{"content/pages/about.en.md"}},
		{"new event", func() {
			fsys["content/events/2026-03-01-new.md"] = &fstest.MapFile{Data: bytes.Replace(fsys[ev].Data, []byte("date: 2019-10-17\npublished: 2022-10-20"), []byte("date: 2026-03-01"), 1)}
		}, []string{"content/events/2026-03-01-new.md"}},
		{"removed event", func() { delete(fsys, "content/events/2026-03-01-new.md") }, []string{"content/events/2026-03-01-new.md"}},
		{"draft", func() { edit(evEN, "title: ", "title: Draft "); edit(ev, "status:", "draft: true\nstatus:") }, []string{ev, evEN}},
	}
	for _, st := range steps {
		st.do()
		b.Invalidate(st.paths...)
		inc := opt
		inc.Incremental = true
		got, diags, err := b.Build(fsys, inc)
		if err != nil {
			t.Fatalf("%s: %v\n%v", st.name, err, diags)
		}
		want, _, err := NewBuilder().Build(fsys, opt)
		if err != nil {
			t.Fatal(err)
		}
		sameOutput(t, st.name, got, want)
	}
}

// TestIncrementalRendersOnlyWhatChanged: after an edit of one event's body,
// only that event's page in that language is rendered again; after an edit
// of its title, also the lists that show it.
func TestIncrementalRendersOnlyWhatChanged(t *testing.T) {
	fsys := copyRepo(t)
	b := NewBuilder()
	if _, _, err := b.Build(fsys, Options{}); err != nil {
		t.Fatal(err)
	}
	const ev = "content/events/2022-10-17-cnil-sanction.md"
	edit := func(old, new string) {
		fsys[ev] = &fstest.MapFile{Data: bytes.Replace(fsys[ev].Data, []byte(old), []byte(new), 1)}
		b.Invalidate(ev)
		if _, _, err := b.Build(fsys, Options{Incremental: true}); err != nil {
			t.Fatal(err)
		}
	}
	edit("Le lundi 17 octobre 2022", "Le lundi 17 octobre 2022 (édité)")
	if got := b.Rendered(); len(got) != 1 || got[0] != "evenements/2022-10-17-cnil-sanction/index.html" {
		t.Errorf("a body edit rendered %v", got)
	}
	edit("\ntitle: \"", "\ntitle: \"Édité : ")
	got := b.Rendered()
	for _, want := range []string{"index.html", "evenements/2022-10-17-cnil-sanction/index.html", "pays/fr/index.html", "autorites/cnil/index.html"} {
		if !slices.Contains(got, want) {
			t.Errorf("a title edit did not render %s (rendered %v)", want, got)
		}
	}
	if len(got) > 20 {
		t.Errorf("a title edit rendered %d pages: %v", len(got), got)
	}
}

// TestSinkEqualsOutput: a build that hands each file to a sink writes
// exactly the files an in-memory build returns, and keeps none.
func TestSinkEqualsOutput(t *testing.T) {
	fsys := copyRepo(t)
	want, _, err := NewBuilder().Build(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	got := &Output{Files: map[string][]byte{}}
	out, _, err := NewBuilder().Build(fsys, Options{Sink: func(p string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := got.Files[p]; dup {
			t.Errorf("%s sent twice", p)
		}
		got.Files[p] = bytes.Clone(data)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Files) != 0 {
		t.Errorf("the build kept %d files", len(out.Files))
	}
	sameOutput(t, "sink", got, want)
	// A failing sink fails the build.
	if _, _, err := NewBuilder().Build(fsys, Options{Sink: func(p string, _ []byte) error {
		if strings.HasSuffix(p, "feed.xml") {
			return errors.New("disk full")
		}
		return nil
	}}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("a failing sink: %v", err)
	}
}

// TestSlotsEqualWholeMinify: pages whose shared fragments (cards, menu,
// footer) are minified once and put in place after the page is minified
// are byte for byte the pages minified whole, on the real site and on
// synthetic events of every kind.
func TestSlotsEqualWholeMinify(t *testing.T) {
	builtBothWays(t, func(whole *Builder) { whole.noSlots = true }, func(name string, fast *Builder, got *Output) {
		// Every card, and the menu and the footer of each language.
		events := 0
		for p := range got.Files {
			if strings.HasPrefix(p, "evenements/") && strings.HasSuffix(p, "/index.html") {
				events++
			}
		}
		if n, want := fast.slotCount, 2*(events+2); events == 0 || n != want {
			t.Errorf("%s: %d fragments had a placeholder, want %d", name, n, want)
		}
		if n := fast.fallbacks.Load(); n > 0 {
			t.Errorf("%s: %d pages fell back to a whole minification", name, n)
		}
		for p, b := range got.Files {
			if bytes.Contains(b, []byte(slotMarker)) {
				t.Errorf("%s: %s holds a placeholder", name, p)
			}
		}
	})
}

// builtBothWays builds the real site and synthetic events with a new
// Builder and with one that other sets up, checks that both wrote the same
// bytes, and hands the first to check.
func builtBothWays(t *testing.T, other func(*Builder), check func(name string, b *Builder, got *Output)) {
	t.Helper()
	for name, fsys := range map[string]fstest.MapFS{"real": copyRepo(t), "synthetic": synthFS(t, 60)} {
		b := NewBuilder()
		got, _, err := b.Build(fsys, Options{})
		if err != nil {
			t.Fatal(err)
		}
		o := NewBuilder()
		other(o)
		want, _, err := o.Build(fsys, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sameOutput(t, name, got, want)
		check(name, b, got)
	}
}

func TestSlotExpand(t *testing.T) {
	var sl slots
	card := sl.add(`<li class=event><a href=/x/>X</a></li>`)
	if card != `<li data-gen-slot="0"></li>` {
		t.Fatalf("placeholder %q", card)
	}
	if inline := sl.add(`<a href=/y/>Y</a>`); inline != `<a href=/y/>Y</a>` {
		t.Errorf("an inline fragment got a placeholder: %q", inline)
	}
	if mixed := sl.add(`<p>a</p><nav><a href=/>b</a></nav>`); mixed != `<p data-gen-slot="1"></p>` {
		t.Errorf("a fragment from one block element to another: %q", mixed)
	}
	if open := sl.add(`<li>a</li>b`); open != `<li>a</li>b` {
		t.Errorf("a fragment that ends with text got a placeholder: %q", open)
	}
	var out bytes.Buffer
	if !sl.expand(&out, []byte(`<ol><li data-gen-slot=0></li><li data-gen-slot=0></li></ol><p data-gen-slot=1></p>`)) ||
		out.String() != `<ol><li class=event><a href=/x/>X</a></li><li class=event><a href=/x/>X</a></li></ol><p>a</p><nav><a href=/>b</a></nav>` {
		t.Errorf("expand: %q", out.String())
	}
	// What is not a placeholder as the minifier writes it makes the page
	// fall back, with nothing written.
	for _, page := range []string{
		`<p>data-gen-slot= in a sentence</p><p title=" data-gen-slot=0"></p>`,
		`<ol><div data-gen-slot=0></div></ol>`, // another tag
		`<ol><li data-gen-slot=7></li></ol>`,   // no such fragment
		`<nav data-gen-slot=1></nav>`,          // not the tag it starts with
		`<ol><li data-gen-slot=0>x</li></ol>`,  // not empty
	} {
		out.Reset()
		if sl.expand(&out, []byte(page)) || out.Len() > 0 {
			t.Errorf("expand(%q) = %q, want a fallback", page, out.String())
		}
	}
	// The fallback puts the fragments in the page as the template wrote it.
	raw := sl.expandRaw([]byte(`<ol>` + string(card) + "\n" + string(card) + `</ol><p>data-gen-slot="0" as text</p>`))
	if want := `<ol><li class=event><a href=/x/>X</a></li>` + "\n" + `<li class=event><a href=/x/>X</a></li></ol><p>data-gen-slot="0" as text</p>`; string(raw) != want {
		t.Errorf("expandRaw:\n%s\nwant\n%s", raw, want)
	}
}

// TestFastEqualsHTMLTemplate holds htmlexec to html/template: the real
// site and synthetic events, built with each, give the same bytes, and
// htmlexec ran every template of the first build.
func TestFastEqualsHTMLTemplate(t *testing.T) {
	builtBothWays(t, func(slow *Builder) { slow.noFast = true }, func(name string, fast *Builder, _ *Output) {
		// A layout htmlexec cannot run still works, through html/template,
		// but every page it makes is slower: say which and why.
		for page, err := range fast.layouts.fastErr {
			t.Errorf("%s: layouts/%s: %v", name, page, err)
		}
		if n := fast.slow.Load(); n > 0 {
			t.Errorf("%s: %d templates run by html/template", name, n)
		}
	})
}
