package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"timeline/gen/internal/cardcache"
	"timeline/gen/internal/share"
)

// TestShareCards decodes every share card of the real site: each is a
// 1200×630 PNG named by its content; every page's og:image points to one,
// with the card's size and a description; every event page and explainer
// page has its own, and the other pages their home page's; every card is
// some page's.
func TestShareCards(t *testing.T) {
	out := realSite(t, repoRoot())
	const base = "https://clearview-sanctions.netlify.app/"
	used := map[string]bool{}
	homeCard := map[string]string{}
	ownCard := map[string]string{}
	longest, longestTitle := "", ""
	for p, b := range out.Files {
		if !strings.HasSuffix(p, ".html") || embedded(p) || cmsFile(p) {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		meta := map[string]string{}
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && n.Data == "meta" {
				meta[attr(n, "property")+attr(n, "name")] = attr(n, "content")
			}
		}
		image, ok := strings.CutPrefix(meta["og:image"], base)
		if !ok || meta["og:image:width"] != "1200" || meta["og:image:height"] != "630" || meta["og:image:type"] != "image/png" ||
			meta["og:image:alt"] == "" || meta["twitter:card"] != "summary_large_image" {
			t.Errorf("%s: og:image %q %sx%s %q, alt %q, twitter:card %q", p, meta["og:image"], meta["og:image:width"],
				meta["og:image:height"], meta["og:image:type"], meta["og:image:alt"], meta["twitter:card"])
			continue
		}
		used[image] = true
		if _, ok := out.Files[image]; !ok {
			t.Errorf("%s: og:image %s is not a file of the site", p, image)
		}
		// Events, explainer pages and the home pages have their own card.
		own := strings.HasPrefix(p, "evenements/") || strings.HasPrefix(p, "en/events/") || p == "index.html" || p == "en/index.html"
		for _, key := range []string{"a-propos", "chiffres", "glossaire", "guichet-unique", "manquements", "methode", "procedure-cnil",
			"en/about", "en/figures", "en/findings", "en/glossary", "en/one-stop-shop", "en/method", "en/cnil-procedure"} {
			own = own || p == key+"/index.html"
		}
		switch {
		case p == "index.html" || p == "en/index.html":
			homeCard[strings.TrimSuffix(p, "index.html")] = image
		case own:
			ownCard[p] = image
		default:
			homeCard[p] = image
		}
		if title := meta["og:title"]; own && (len(title) > len(longestTitle) || len(title) == len(longestTitle) && image < longest) {
			longest, longestTitle = image, title
		}
	}
	// For review: the French and English cards of the CNIL's fine, and
	// the card of the longest title.
	if dir := os.Getenv("CARDS_OUT"); dir != "" {
		for name, p := range map[string]string{"fr.png": ownCard["evenements/2022-10-17-cnil-sanction/index.html"],
			"en.png": ownCard["en/events/2022-10-17-cnil-sanction/index.html"], "longest.png": longest} {
			if err := os.WriteFile(filepath.Join(dir, name), out.Files[p], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("cards written to %s; the longest title: %s", dir, longest)
	}
	for p, image := range homeCard {
		lang := ""
		if strings.HasPrefix(p, "en/") {
			lang = "en/"
		}
		if image != homeCard[lang] {
			t.Errorf("%s: og:image %s, not its home page's %s", p, image, homeCard[lang])
		}
	}
	for p, image := range ownCard {
		if image == homeCard[""] || image == homeCard["en/"] {
			t.Errorf("%s: no card of its own", p)
		}
	}
	cards := 0
	for _, p := range slices.Sorted(maps.Keys(out.Files)) {
		if !strings.HasPrefix(p, "cards/") {
			continue
		}
		cards++
		cfg, err := png.DecodeConfig(bytes.NewReader(out.Files[p]))
		if err != nil || cfg.Width != share.Width || cfg.Height != share.Height {
			t.Errorf("%s: %v, %d×%d", p, err, cfg.Width, cfg.Height)
		}
		if _, err := png.Decode(bytes.NewReader(out.Files[p])); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		if sum := sha256.Sum256(out.Files[p]); p != "cards/"+hex.EncodeToString(sum[:6])+".png" {
			t.Errorf("%s is not named by its content", p)
		}
		if !used[p] {
			t.Errorf("%s is no page's card", p)
		}
	}
	if n := 2 * (len(realContent(t).Events) + len(realContent(t).Pages) + 1); cards != n {
		t.Errorf("%d cards, want %d (events, pages and the home page, in two languages)", cards, n)
	}

	// Built again, the cards are the same bytes.
	again, _, err := BuildAll(repoRoot(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range out.Files {
		if strings.HasPrefix(p, "cards/") && !bytes.Equal(b, again.Files[p]) {
			t.Errorf("%s differs from one build to the next", p)
		}
	}

	// Without cards, no page names one.
	none, _, err := BuildAll(repoRoot(), Options{NoCards: true})
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range none.Files {
		if strings.HasPrefix(p, "cards/") || bytes.Contains(b, []byte("og:image")) || bytes.Contains(b, []byte("summary_large_image")) {
			t.Errorf("-no-cards: %s has a card or names one", p)
		}
	}
}

// TestCardsCache: a build that keeps its cards in a folder gives the same
// bytes as one that draws them all; the next build takes them from the
// folder, and a card file damaged since is drawn again, not published.
func TestCardsCache(t *testing.T) {
	dir := cardcache.Dir(t.TempDir())
	fresh := realSite(t, repoRoot())
	first, _, err := BuildAll(repoRoot(), Options{Cards: dir})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(string(dir), "*.card"))
	if cards := len(slices.DeleteFunc(fresh.Paths(), func(p string) bool { return !strings.HasPrefix(p, "cards/") })); len(files) < cards || cards < 50 {
		t.Fatalf("%d cards kept, %d drawn", len(files), cards)
	}
	// A card is kept when it is drawn: the files of the cards not drawn
	// again are as they were.
	kept := map[string]time.Time{}
	for _, f := range files[1:] {
		st, _ := os.Stat(f)
		kept[f] = st.ModTime()
	}
	time.Sleep(10 * time.Millisecond)
	// Damage one: cut it short.
	b, _ := os.ReadFile(files[0])
	os.WriteFile(files[0], b[:len(b)/2], 0o644)
	second, _, err := BuildAll(repoRoot(), Options{Cards: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []*Output{first, second} {
		if !maps.EqualFunc(o.Files, fresh.Files, bytes.Equal) {
			t.Fatal("a build with the cards kept differs from one that draws them")
		}
	}
	if b, _ := os.ReadFile(files[0]); len(b) < 100 || !bytes.Contains(b, []byte("IHDR")) {
		t.Error("the damaged card was not drawn again and kept")
	}
	for f, mod := range kept {
		if st, _ := os.Stat(f); !st.ModTime().Equal(mod) {
			t.Errorf("%s: drawn again", filepath.Base(f))
		}
	}
}
