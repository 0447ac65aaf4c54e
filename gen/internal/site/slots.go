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
		n, to, ok := sl.placeholderAt(min, i)
		if !ok {
			return false
		}
		cuts = append(cuts, cut{i - len(sl.tags[n]) - 1, to, n})
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

// placeholderAt reads the minified placeholder whose marker is at min[i:]:
// <tag data-gen-slot=N></tag>. It returns N and the end of the
// placeholder.
func (sl *slots) placeholderAt(min []byte, i int) (n, end int, ok bool) {
	j := i + len(slotMarker)
	k := j
	for k < len(min) && '0' <= min[k] && min[k] <= '9' {
		k++
	}
	n, err := strconv.Atoi(string(min[j:k]))
	if err != nil || n >= len(sl.frags) {
		return 0, 0, false
	}
	tag := sl.tags[n]
	if start := i - len(tag) - 1; start < 0 || string(min[start:i]) != "<"+tag {
		return 0, 0, false
	}
	closing := "></" + tag + ">"
	if !bytes.HasPrefix(min[k:], []byte(closing)) {
		return 0, 0, false
	}
	return n, k + len(closing), true
}

// expandRaw replaces the placeholders of a page as its template wrote
// them, before minification: the fallback, which minifies the whole.
func (sl *slots) expandRaw(page []byte) []byte {
	if len(sl.frags) == 0 || !bytes.Contains(page, []byte(slotMarker)) {
		return page
	}
	var b bytes.Buffer
	b.Grow(len(page))
	for len(page) > 0 {
		i := bytes.Index(page, []byte(slotMarker+`"`))
		if i < 0 {
			break
		}
		j := i + len(slotMarker) + 1
		k := j
		for k < len(page) && '0' <= page[k] && page[k] <= '9' {
			k++
		}
		n, err := strconv.Atoi(string(page[j:k]))
		if err == nil && n < len(sl.frags) {
			tag := sl.tags[n]
			start, closing := i-len(tag)-1, `"></`+tag+">"
			if start >= 0 && string(page[start:i]) == "<"+tag && bytes.HasPrefix(page[k:], []byte(closing)) {
				b.Write(page[:start])
				b.WriteString(sl.frags[n])
				page = page[k+len(closing):]
				continue
			}
		}
		b.Write(page[:j])
		page = page[j:]
	}
	b.Write(page)
	return b.Bytes()
}
