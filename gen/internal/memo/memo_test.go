package memo

import (
	"testing"
)

type named string

func (n named) CacheKey() string { return string(n) }

type view struct {
	Title string
	Tags  []string
	Next  *view
	M     map[string]int
	N     named
	hid   int
}

func TestKey(t *testing.T) {
	base := view{Title: "a", Tags: []string{"x", "y"}, Next: &view{Title: "b"}, M: map[string]int{"k": 1, "l": 2}, N: "fr", hid: 3}
	same := view{Title: "a", Tags: []string{"x", "y"}, Next: &view{Title: "b"}, M: map[string]int{"l": 2, "k": 1}, N: "fr", hid: 3}
	if Key(base) != Key(same) {
		t.Error("equal values, different keys")
	}
	for name, other := range map[string]view{
		"title":      {Title: "b", Tags: base.Tags, Next: base.Next, M: base.M, N: "fr", hid: 3},
		"tags":       {Title: "a", Tags: []string{"xy"}, Next: base.Next, M: base.M, N: "fr", hid: 3},
		"next":       {Title: "a", Tags: base.Tags, Next: &view{Title: "c"}, M: base.M, N: "fr", hid: 3},
		"nil next":   {Title: "a", Tags: base.Tags, M: base.M, N: "fr", hid: 3},
		"map":        {Title: "a", Tags: base.Tags, Next: base.Next, M: map[string]int{"k": 1}, N: "fr", hid: 3},
		"named":      {Title: "a", Tags: base.Tags, Next: base.Next, M: base.M, N: "en", hid: 3},
		"unexported": {Title: "a", Tags: base.Tags, Next: base.Next, M: base.M, N: "fr", hid: 4},
	} {
		if Key(other) == Key(base) {
			t.Errorf("%s: a different value has the same key", name)
		}
	}
	if Key("ab", "c") == Key("a", "bc") || Key([]byte("ab")) == Key("ab") {
		t.Error("Key confuses where one part ends")
	}
}

func TestKeyRefusesWhatItCannotHash(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a func was hashed")
		}
	}()
	Key(struct{ F func() }{func() {}})
}

func TestGet(t *testing.T) {
	c := NewCache()
	calls := 0
	get := func(k string) string {
		return Get(c, func() [32]byte { return Key(k) }, func() string { calls++; return k + "!" })
	}
	c.Begin()
	first, again := get("a"), get("a") // the second is the first's
	if first != "a!" || again != "a!" || calls != 1 || c.Made() != 1 {
		t.Fatalf("calls %d, made %d", calls, c.Made())
	}
	get("b")
	c.End()
	// A build that uses only a keeps only a.
	c.Begin()
	get("a")
	c.End()
	c.Begin()
	get("b")
	if calls != 3 {
		t.Errorf("b was kept though the last complete build did not use it (%d calls)", calls)
	}
	// A build that does not end keeps what the one before kept.
	get("a")
	c.Begin()
	get("a")
	get("b")
	if calls != 3 {
		t.Errorf("an unfinished build lost entries (%d calls)", calls)
	}
	// No cache: make every time.
	if Get(nil, func() [32]byte { panic("no key without a cache") }, func() int { return 7 }) != 7 {
		t.Error("nil cache")
	}
}
