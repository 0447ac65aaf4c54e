package serve

import (
	"os"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestSamePolicyAsNetlify: the dev server sends the published site's
// Content-Security-Policy (the home page's, and the embedded timeline's),
// so that the live reload is known to work under it.
func TestSamePolicyAsNetlify(t *testing.T) {
	var cfg struct {
		Headers []struct {
			For    string            `toml:"for"`
			Values map[string]string `toml:"values"`
		} `toml:"headers"`
	}
	b, err := os.ReadFile("../../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := toml.Decode(string(b), &cfg); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{"/": policy("/"), "/embed/*": policy("/embed/")} {
		found := false
		for _, h := range cfg.Headers {
			if v, ok := h.Values["Content-Security-Policy"]; ok && h.For == path {
				found = true
				if v != want {
					t.Errorf("netlify.toml's policy for %s\n  %s\nis not the dev server's\n  %s", path, v, want)
				}
			}
		}
		if !found {
			t.Errorf("no Content-Security-Policy for %s in netlify.toml", path)
		}
	}
}
