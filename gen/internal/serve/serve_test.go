package serve

import (
	"os"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestSamePolicyAsNetlify: the dev server sends the published site's
// Content-Security-Policy, so that the live reload is known to work under it.
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
	found := false
	for _, h := range cfg.Headers {
		if v, ok := h.Values["Content-Security-Policy"]; ok && h.For == "/*" {
			found = true
			if v != ContentSecurityPolicy {
				t.Errorf("netlify.toml's policy\n  %s\nis not the dev server's\n  %s", v, ContentSecurityPolicy)
			}
		}
	}
	if !found {
		t.Error("no Content-Security-Policy for /* in netlify.toml")
	}
}
