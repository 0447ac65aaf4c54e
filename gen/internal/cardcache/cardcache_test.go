package cardcache

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

const key = "0123456789abcdef0123456789abcdef"

func TestRoundTrip(t *testing.T) {
	d := Dir(filepath.Join(t.TempDir(), "cards"))
	if _, ok := d.Card(key); ok {
		t.Fatal("a card in an empty folder")
	}
	d.SaveCard(key, []byte("\x89PNG fake"))
	if png, ok := d.Card(key); !ok || string(png) != "\x89PNG fake" {
		t.Fatalf("Card = %q, %v", png, ok)
	}
	left, _ := filepath.Glob(filepath.Join(string(d), ".card-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestDamaged: a file written in part, changed, or emptied is not a card:
// it is drawn again.
func TestDamaged(t *testing.T) {
	d := Dir(t.TempDir())
	d.SaveCard(key, bytes.Repeat([]byte("png"), 100))
	whole, err := os.ReadFile(d.path(key))
	if err != nil {
		t.Fatal(err)
	}
	for name, damaged := range map[string][]byte{
		"cut short": whole[:len(whole)-10], "one byte changed": append(append([]byte{}, whole[:50]...), append([]byte{whole[50] ^ 1}, whole[51:]...)...),
		"empty": nil, "the sum alone": whole[:32],
	} {
		if err := os.WriteFile(d.path(key), damaged, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := d.Card(key); ok {
			t.Errorf("%s: taken as a card", name)
		}
	}
	for _, bad := range []string{"", "../x", "NOTHEX0123456789abcdef"} {
		d.SaveCard(bad, []byte("x"))
		if _, ok := d.Card(bad); ok {
			t.Errorf("key %q: a card", bad)
		}
	}
}
