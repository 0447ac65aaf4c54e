package site

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
)

// Fragments shared by many pages (each event's card, the menu, the
// footer) are minified once, when they are rendered, not again inside
// every page that shows them. A page's template sees a placeholder
// instead of such a fragment: an empty element with the tag the fragment
// starts with,
//
//	<li data-gen-slot="12"></li>
//
// The page is minified with its placeholders, which the minifier treats
// exactly as it would the fragment: white space is dropped before and
// after a block element whatever its name, and inside the fragment the
// minifier starts afresh after its first block tag, as it does when the
// fragment is minified alone. Each placeholder is then replaced by its
// minified fragment. The result is the page the minifier would
// have made from the whole text (TestSlotsEqualWholeMinify), for a
// fraction of the work on the pages that list hundreds of events.
//
// A fragment that does not start and end with a block element is shown as
// it is, without a placeholder. A placeholder the minified page
// does not hold as written (a layout that put the fragment in an
// attribute, say) makes the page fall back to minifying the whole text.

// slotMarker is what every placeholder holds, minified or not.
const slotMarker = " data-gen-slot="

// slotTags are the elements a fragment may start and end with to get a
// placeholder: block elements, around which the minifier drops white
// space and inside which it starts afresh.
var slotTags = map[string]bool{
	"article": true, "aside": true, "div": true, "footer": true, "header": true, "li": true,
	"nav": true, "ol": true, "p": true, "section": true, "ul": true,
}

// slots holds a build's shared fragments, minified, by number.
type slots struct {
	frags []string
	tags  []string
	// off turns placeholders off: every fragment is shown as it is and
	// minified again in each page (for the tests).
	off bool
}

// add registers a minified fragment and returns what templates show in
// its place. It is not safe for concurrent use.
func (sl *slots) add(frag string) template.HTML {
	tag, ok := outerTag(frag)
	if !ok || sl.off {
		return template.HTML(frag)
	}
	n := strconv.Itoa(len(sl.frags))
	sl.frags = append(sl.frags, frag)
	sl.tags = append(sl.tags, tag)
	return template.HTML("<" + tag + slotMarker + `"` + n + `"></` + tag + ">")
}

// outerTag returns the tag a fragment starts with, if it starts with a
// start tag and ends with an end tag of slotTags.
func outerTag(frag string) (string, bool) {
	if !strings.HasPrefix(frag, "<") || !strings.HasSuffix(frag, ">") {
		return "", false
	}
	end := strings.IndexAny(frag, " >")
	if end < 0 {
		return "", false
	}
	tag := frag[1:end]
	last := strings.LastIndex(frag, "</")
	if !slotTags[tag] || last < 0 || !slotTags[frag[last+2:len(frag)-1]] {
		return "", false
	}
	return tag, true
}

// expand writes min, a minified page, to out with each placeholder
// replaced by its fragment. It reports false, having written nothing,
// when a placeholder is not there as the minifier writes one.
func (sl *slots) expand(out *bytes.Buffer, min []byte) bool {
	if len(sl.frags) == 0 {
		out.Write(min)
		return true
	}
	// First check every placeholder, then write: nothing is written for a
	// page that falls back.
	type cut struct{ from, to, n int }
	var cuts []cut
	for off := 0; ; {
		i := bytes.Index(min[off:], []byte(slotMarker))
		if i < 0 {
			break
		}
		i += off
		n, from, to, ok := sl.placeholderAt(min, i, "")
		if !ok {
			return false
		}
		cuts = append(cuts, cut{from, to, n})
		off = to
	}
	prev := 0
	for _, c := range cuts {
		out.Write(min[prev:c.from])
		out.WriteString(sl.frags[c.n])
		prev = c.to
	}
	out.Write(min[prev:])
	return true
}

// placeholderAt reads the placeholder whose marker is at page[i:]:
// <tag data-gen-slot=N></tag> as the minifier writes it (quote ""), or
// <tag data-gen-slot="N"></tag> as the template wrote it (quote `"`). It
// returns N and where the placeholder starts and ends.
func (sl *slots) placeholderAt(page []byte, i int, quote string) (n, start, end int, ok bool) {
	j := i + len(slotMarker)
	if !bytes.HasPrefix(page[j:], []byte(quote)) {
		return 0, 0, 0, false
	}
	j += len(quote)
	k := j
	for k < len(page) && '0' <= page[k] && page[k] <= '9' {
		k++
	}
	n, err := strconv.Atoi(string(page[j:k]))
	if err != nil || n >= len(sl.frags) {
		return 0, 0, 0, false
	}
	tag := sl.tags[n]
	start = i - len(tag) - 1
	if start < 0 || string(page[start:i]) != "<"+tag {
		return 0, 0, 0, false
	}
	closing := quote + "></" + tag + ">"
	if !bytes.HasPrefix(page[k:], []byte(closing)) {
		return 0, 0, 0, false
	}
	return n, start, k + len(closing), true
}

// expandRaw replaces the placeholders of a page as its template wrote
// them, before minification: the fallback, which minifies the whole.
// What only looks like a placeholder stays as it is.
func (sl *slots) expandRaw(page []byte) []byte {
	if len(sl.frags) == 0 || !bytes.Contains(page, []byte(slotMarker)) {
		return page
	}
	var b bytes.Buffer
	b.Grow(len(page))
	prev := 0
	for off := 0; ; {
		i := bytes.Index(page[off:], []byte(slotMarker))
		if i < 0 {
			break
		}
		i += off
		n, start, end, ok := sl.placeholderAt(page, i, `"`)
		if !ok {
			off = i + len(slotMarker)
			continue
		}
		b.Write(page[prev:start])
		b.WriteString(sl.frags[n])
		prev, off = end, end
	}
	b.Write(page[prev:])
	return b.Bytes()
}
