// Package cardcache keeps the share cards a build has drawn in a folder,
// so that the next build, or the dev server, finds them instead of drawing
// them again (site.Options.Cards). A card's file is named by its key,
// which the build makes from everything the card is drawn from and from
// the painter's own drawing; it holds the card's SHA-256 and then its PNG.
// A file written in part, or changed since, does not match its sum: it is
// drawn again and rewritten, never published. Files are written to a
// temporary name and renamed, so that a killed build leaves none in part.
//
// Netlify keeps the folder between builds with the build plugin
// netlify/plugins/cards-cache; the CI workflow, with its cache action.
package cardcache

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"os"
	"path/filepath"
	"regexp"
)

// Dir is a folder of cards.
type Dir string

// keyRE is what a key may be: it names a file.
var keyRE = regexp.MustCompile(`^[0-9a-f]{16,64}$`)

func (d Dir) path(key string) string { return filepath.Join(string(d), key+".card") }

// Card returns the PNG kept under key, if it is there whole.
func (d Dir) Card(key string) ([]byte, bool) {
	if !keyRE.MatchString(key) {
		return nil, false
	}
	b, err := os.ReadFile(d.path(key))
	if err != nil || len(b) < sha256.Size {
		return nil, false
	}
	sum, png := b[:sha256.Size], b[sha256.Size:]
	if s := sha256.Sum256(png); !bytes.Equal(s[:], sum) {
		return nil, false
	}
	return png, true
}

// SaveCard keeps png under key. A card that cannot be kept is drawn again
// next time: the error is not the build's.
func (d Dir) SaveCard(key string, png []byte) {
	if !keyRE.MatchString(key) || os.MkdirAll(string(d), 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(string(d), ".card-*")
	if err != nil {
		return
	}
	sum := sha256.Sum256(png)
	_, err = f.Write(append(sum[:], png...))
	if err = cmp.Or(err, f.Close()); err == nil {
		err = os.Rename(f.Name(), d.path(key))
	}
	if err != nil {
		os.Remove(f.Name())
	}
}
