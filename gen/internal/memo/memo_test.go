package memo

import (
	"errors"
	"testing"
)

type named struct{ key Sum }

func (n named) MemoKey() Sum { return n.key }

type view struct {
	Title string
	Tags  []string
	Next  *view
	M     map[string]int
	N     named
	hid   int
}

var fr, en = named{Key("fr")}, named{Key("en")}

func TestKey(t *testing.T) {
	base := view{Title: "a", Tags: []string{"x", "y"}, Next: &view{Title: "b", N: fr}, M: map[string]int{"k": 1, "l": 2}, N: fr, hid: 3}
	same := view{Title: "a", Tags: []string{"x", "y"}, Next: &view{Title: "b", N: fr}, M: map[string]int{"l": 2, "k": 1}, N: fr, hid: 3}
	if Key(base) != Key(same) {
		t.Error("equal values, different keys")
	}
	for name, other := range map[string]view{
		"title":      {Title: "b", Tags: base.Tags, Next: base.Next, M: base.M, N: fr, hid: 3},
		"tags":       {Title: "a", Tags: []string{"xy"}, Next: base.Next, M: base.M, N: fr, hid: 3},
		"next":       {Title: "a", Tags: base.Tags, Next: &view{Title: "c", N: fr}, M: base.M, N: fr, hid: 3},
		"nil next":   {Title: "a", Tags: base.Tags, M: base.M, N: fr, hid: 3},
		"map":        {Title: "a", Tags: base.Tags, Next: base.Next, M: map[string]int{"k": 1}, N: fr, hid: 3},
		"named":      {Title: "a", Tags: base.Tags, Next: base.Next, M: base.M, N: en, hid: 3},
		"unexported": {Title: "a", Tags: base.Tags, Next: base.Next, M: base.M, N: fr, hid: 4},
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
		v, _ := Get(c, func() Sum { return Key(k) }, func() (string, error) { calls++; return k + "!", nil })
		return v
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
	if v, _ := Get(nil, func() Sum { panic("no key without a cache") }, func() (int, error) { return 7, nil }); v != 7 {
		t.Error("nil cache")
	}
}

// TestGetError: an error is returned and not kept: the next Get makes
// the entry again.
func TestGetError(t *testing.T) {
	c := NewCache()
	c.Begin()
	calls := 0
	get := func() (int, error) {
		return Get(c, func() Sum { return Key("k") }, func() (int, error) {
			calls++
			if calls == 1 {
				return 0, errors.New("first")
			}
			return calls, nil
		})
	}
	if _, err := get(); err == nil {
		t.Fatal("no error")
	}
	if v, err := get(); err != nil || v != 2 {
		t.Errorf("after an error: %v, %v", v, err)
	}
	if v, _ := get(); v != 2 || calls != 2 {
		t.Errorf("a kept entry made again: %d calls", calls)
	}
}

// TestKeyedNotMadeByKey: a Keyed value whose Sum is the zero one, which
// Key never makes, is refused.
func TestKeyedNotMadeByKey(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a zero Sum was taken")
		}
	}()
	Key(named{})
}
