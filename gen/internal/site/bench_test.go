package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"timeline/gen/internal/content"
	"timeline/gen/internal/memo"
	"timeline/gen/internal/publish"
)

// synthFS is the real site with n more, synthetic events of about
// 3 KB of Markdown each, in both languages.
func synthFS(tb testing.TB, n int) fstest.MapFS {
	tb.Helper()
	fsys := copyRepo(tb) // the real events stay: the pages link to them
	para := "La formation restreinte a retenu plusieurs *manquements* au RGPD, dont l'absence de base légale et le non-respect des droits des personnes ; voir [le glossaire](glossary.md) et [le site de l'autorité](https://example.org/). "
	body := "## Les faits\n\n" + strings.Repeat(para, 4) + "\n\n- premier point ;\n- second point ;\n- troisième point.\n\n> Une citation de la décision.\n\n## La suite\n\n" + strings.Repeat(para, 5) + "\n"
	kinds := content.Kinds
	for i := range n {
		date := fmt.Sprintf("%04d-%02d-%02d", 2015+i%10, 1+i%12, 1+i%28)
		id := fmt.Sprintf("%s-synthetique-%05d", date, i)
		related := ""
		if i%4 > 0 { // cases of four steps
			related = fmt.Sprintf("related: [%s-synthetique-%05d]\n", fmt.Sprintf("%04d-%02d-%02d", 2015+(i-1)%10, 1+(i-1)%12, 1+(i-1)%28), i-1)
		}
		fr := fmt.Sprintf("---\ndate: %s\ncountry: FR\nauthority: cnil\nkind: %s\namount: {value: %d, currency: EUR}\nstatus: final\nconfirmation: press\n%ssources:\n  - {url: \"https://example.org/%d\", title: \"Source %d\", publisher: Exemple, language: fr, primary: true}\ntitle: \"Événement synthétique numéro %d\"\nsummary: \"Un résumé d'une phrase pour l'événement %d : ce qui a été décidé.\"\n---\n%s",
			date, kinds[i%len(kinds)], 1000*(i+1), related, i, i, i, i, body)
		en := fmt.Sprintf("---\ntitle: \"Synthetic event number %d\"\nsummary: \"A one-line summary of event %d: what was decided.\"\n---\n%s", i, i, body)
		fsys["content/events/"+id+".md"] = &fstest.MapFile{Data: []byte(fr)}
		fsys["content/events/"+id+".en.md"] = &fstest.MapFile{Data: []byte(en)}
	}
	return fsys
}

// The stages of a build, on 1 000 synthetic events.

func BenchmarkLoad(b *testing.B) {
	fsys := synthFS(b, 1000)
	for b.Loop() {
		c := content.Load(fsys, content.Options{})
		if len(c.Diagnostics.Errors()) > 0 {
			b.Fatal(c.Diagnostics.Errors())
		}
	}
}

// BenchmarkBuild builds 1 000 events as gen build does, each file given
// as it is made (here to nothing).
func BenchmarkBuild(b *testing.B) {
	fsys := synthFS(b, 1000)
	for b.Loop() {
		if _, _, err := Build(fsys, Options{}, discard); err != nil {
			b.Fatal(err)
		}
	}
}

func discard(string, []byte) error { return nil }

// BenchmarkRender is a build whose content is already loaded and whose
// bodies are already rendered: the views, the templates, the minifier, the
// feeds and the data.
func BenchmarkRender(b *testing.B) {
	fsys := synthFS(b, 1000)
	min := newMinifier()
	in, _, err := prepare(fsys, Options{}, min)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		f, err := in.files()
		if err != nil {
			b.Fatal(err)
		}
		if err := f.render(min, discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuild is the dev server's rebuild after an edit of one
// event's body, with its Cache, on the real site and with 1 000 more
// events.
func BenchmarkRebuild(b *testing.B) {
	for _, n := range []int{0, 1000} {
		b.Run(fmt.Sprintf("real+%d", n), func(b *testing.B) {
			fsys := synthFS(b, n)
			opt := Options{Cache: memo.NewCache()}
			if _, _, err := BuildAll(fsys, opt); err != nil {
				b.Fatal(err)
			}
			const ev = "content/events/2022-10-17-cnil-sanction.md"
			orig := fsys[ev].Data
			for i := 0; b.Loop(); i++ {
				fsys[ev] = &fstest.MapFile{Data: bytes.Replace(orig, []byte("Le lundi 17 octobre 2022"), fmt.Appendf(nil, "Le lundi 17 octobre 2022 (%d)", i), 1)}
				if _, _, err := BuildAll(fsys, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMinify(b *testing.B) {
	out, _, err := BuildAll(synthFS(b, 1000), Options{})
	if err != nil {
		b.Fatal(err)
	}
	m := newMinifier()
	var pages [][]byte
	for _, p := range out.Paths() {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, out.Files[p])
		}
	}
	b.SetBytes(int64(len(pages)))
	for b.Loop() {
		for _, p := range pages {
			if _, err := m.bytes("text/html", p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	out, _, err := BuildAll(synthFS(b, 1000), Options{})
	if err != nil {
		b.Fatal(err)
	}
	var files []publish.File
	for _, p := range out.Paths() {
		files = append(files, publish.File{Path: p, Data: out.Files[p]})
	}
	dir := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if err := publish.Write(dir, files, publish.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	os.RemoveAll(dir)
}

// BenchmarkBuildReal is a whole build of the real site: what is not per
// event (layouts, assets, charts, facets, feeds) weighs most here.
func BenchmarkBuildReal(b *testing.B) {
	fsys := copyRepo(b)
	for b.Loop() {
		if _, _, err := BuildAll(fsys, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
