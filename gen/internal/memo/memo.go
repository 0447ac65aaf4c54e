// Package memo lets a build reuse what an earlier build of the same process
// made: the dev server keeps one Cache from edit to edit. Every entry is
// found by a SHA-256 of everything its making reads, hashed whole (Key),
// so that an edit changes the key of whatever it changes and a stale entry
// cannot be found. Nothing is listed by hand.
package memo

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"sync"
)

// Cache holds what builds made, by key. Entries the last complete build
// did not use are dropped. A Cache serves one build at a time; a nil
// Cache holds nothing.
type Cache struct {
	mu        sync.Mutex
	prev, cur map[Sum]any
	made      int // entries the current build made
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{} }

// Begin starts a build: what the builds since the last complete one made
// is kept until this one ends.
func (c *Cache) Begin() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.prev == nil {
		c.prev = map[Sum]any{}
	}
	maps.Copy(c.prev, c.cur)
	c.cur, c.made = map[Sum]any{}, 0
}

// End ends a complete build: only what it used is kept.
func (c *Cache) End() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.prev = nil
	c.mu.Unlock()
}

// Made is the number of entries the last build made rather than reused.
func (c *Cache) Made() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.made
}

// Get returns what make returned for the same key in this build or the
// ones before, or calls it. With a nil Cache, it calls make and key is not
// computed. The key must be Key of every input make reads, and what make
// returns must not be changed afterwards: it is shared. An error is
// returned, not kept: the next build makes the entry again.
func Get[T any](c *Cache, key func() Sum, make func() (T, error)) (T, error) {
	if c == nil {
		return make()
	}
	k := key()
	c.mu.Lock()
	v, ok := c.cur[k]
	if !ok {
		if v, ok = c.prev[k]; ok {
			c.cur[k] = v
		}
	}
	c.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	r, err := make()
	if err != nil {
		return r, err
	}
	c.mu.Lock()
	c.cur[k] = r
	c.made++
	c.mu.Unlock()
	return r, nil
}

// Sum is a key: only Key makes one.
type Sum struct{ b [32]byte }

// String is the Sum in hexadecimal: the name of a file kept by it.
func (s Sum) String() string { return hex.EncodeToString(s.b[:]) }

// Keyed is a value that many entries read, too large to hash whole at each
// (a language, made from its words' file and the subject): Key counts it by
// the Sum that it keeps of what it was made from, which only Key makes.
type Keyed interface{ MemoKey() Sum }

var keyedType = reflect.TypeFor[Keyed]()

// Key hashes values whole, following pointers, slices, maps and every
// field of a struct, exported or not: nothing that the making of an entry
// could read is left out. A Keyed value counts by its Sum. A function, a
// channel or a cycle panics: keys are made of plain values.
func Key(parts ...any) Sum {
	h := sha256.New()
	// Strings go to the hash through a buffer: no copy of each as a []byte.
	w := bufio.NewWriterSize(h, 16<<10)
	for _, p := range parts {
		hashValue(w, reflect.ValueOf(p), 0)
	}
	w.Flush()
	var k Sum
	h.Sum(k.b[:0])
	return k
}

func hashValue(h *bufio.Writer, v reflect.Value, depth int) {
	if depth > 64 {
		panic("memo: Key: value nested too deep (a cycle?)")
	}
	var buf [9]byte
	num := func(kind reflect.Kind, n uint64) {
		buf[0] = byte(kind)
		binary.LittleEndian.PutUint64(buf[1:], n)
		h.Write(buf[:])
	}
	if !v.IsValid() {
		num(reflect.Invalid, 0)
		return
	}
	if v.Type().Implements(keyedType) && (v.Kind() != reflect.Pointer || !v.IsNil()) {
		if !v.CanInterface() {
			panic(fmt.Sprintf("memo: Key: a %s in an unexported field", v.Type()))
		}
		k := v.Interface().(Keyed).MemoKey()
		if k == (Sum{}) {
			panic(fmt.Sprintf("memo: Key: a %s whose Sum was not made by Key", v.Type()))
		}
		num(reflect.Interface, uint64(len(k.b)))
		h.Write(k.b[:])
		return
	}
	switch k := v.Kind(); k {
	case reflect.Bool:
		n := uint64(0)
		if v.Bool() {
			n = 1
		}
		num(k, n)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		num(k, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		num(k, v.Uint())
	case reflect.Float32, reflect.Float64:
		num(k, math.Float64bits(v.Float()))
	case reflect.String:
		s := v.String()
		num(k, uint64(len(s)))
		h.WriteString(s)
	case reflect.Slice, reflect.Array:
		num(k, uint64(v.Len()))
		if v.Type().Elem().Kind() == reflect.Uint8 && k == reflect.Slice {
			h.Write(v.Bytes())
			return
		}
		for i := range v.Len() {
			hashValue(h, v.Index(i), depth+1)
		}
	case reflect.Struct:
		num(k, uint64(v.NumField()))
		for i := range v.NumField() {
			hashValue(h, v.Field(i), depth+1)
		}
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			num(k, 0)
			return
		}
		num(k, 1)
		hashValue(h, v.Elem(), depth+1)
	case reflect.Map:
		num(k, uint64(v.Len()))
		for _, key := range slices.SortedFunc(v.Seq(), compareKeys) {
			hashValue(h, key, depth+1)
			hashValue(h, v.MapIndex(key), depth+1)
		}
	default:
		panic(fmt.Sprintf("memo: Key: cannot hash a %s", v.Type()))
	}
}

// compareKeys orders map keys of the kinds views use: strings and integers.
func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	}
	panic(fmt.Sprintf("memo: Key: cannot order map keys of type %s", a.Type()))
}
