// The escapers below follow those of html/template (escape.go, html.go,
// url.go, content.go), Copyright 2011 The Go Authors, BSD-style licence
// (the Go distribution's LICENSE file).

package htmlexec

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// contentType is html/template's kind of string: plain text or one of
// its trusted types.
type contentType uint8

const (
	contentPlain contentType = iota
	contentCSS
	contentHTML
	contentHTMLAttr
	contentJS
	contentJSStr
	contentURL
	contentSrcset
)

var (
	stringType   = reflect.TypeFor[string]()
	trustedTypes = map[reflect.Type]contentType{
		reflect.TypeFor[template.CSS]():      contentCSS,
		reflect.TypeFor[template.HTML]():     contentHTML,
		reflect.TypeFor[template.HTMLAttr](): contentHTMLAttr,
		reflect.TypeFor[template.JS]():       contentJS,
		reflect.TypeFor[template.JSStr]():    contentJSStr,
		reflect.TypeFor[template.URL]():      contentURL,
		reflect.TypeFor[template.Srcset]():   contentSrcset,
	}
)

// stringify is html/template's stringify for one argument: the string
// and, for the trusted types, its kind; other values as fmt.Sprint prints
// them, for strings, integers, booleans and fmt.Stringers. Anything else
// is unsupported.
func stringify(v reflect.Value) (string, contentType) {
	if v.IsValid() && v.Kind() == reflect.Interface {
		v = v.Elem() // the value a call would have boxed
	}
	if !v.IsValid() {
		return "", contentPlain // fmt.Sprint() of no argument: nil ones are skipped
	}
	d := v
	for d.Kind() == reflect.Pointer && !d.IsNil() {
		d = d.Elem()
	}
	if d.Kind() == reflect.String {
		if t := d.Type(); t == stringType {
			return d.String(), contentPlain
		} else if c, ok := trustedTypes[t]; ok {
			return d.String(), c
		}
	}
	// indirectToStringerOrError, then fmt.Sprint.
	for !v.Type().Implements(stringerType) && !v.Type().Implements(errorType) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	t := v.Type()
	switch {
	case t.Implements(formatterType) || t.Implements(errorType):
		unsupported("a value of type %s to escape", t)
	case t.Implements(stringerType):
		if v.Kind() == reflect.Pointer && v.IsNil() {
			unsupported("a nil %s", t)
		}
		return v.Interface().(fmt.Stringer).String(), contentPlain
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), contentPlain
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), contentPlain
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10), contentPlain
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), contentPlain
	}
	unsupported("a value of type %s to escape", t)
	panic("unreachable")
}

var (
	stringerType  = reflect.TypeFor[fmt.Stringer]()
	errorType     = reflect.TypeFor[error]()
	formatterType = reflect.TypeFor[fmt.Formatter]()
)

// escaper is one of html/template's escaping functions, given the text
// and kind stringify made of the value the pipeline brings (a plain string
// when it follows another escaper).
type escaper func(s string, t contentType) string

// escapers are those this package runs itself; a template calling any
// other is left to html/template.
var escapers = map[string]escaper{
	"_html_template_htmlescaper": func(s string, t contentType) string {
		if t == contentHTML {
			return s
		}
		return htmlReplacer(s, htmlReplacementTable)
	},
	"_html_template_attrescaper": func(s string, t contentType) string {
		if t == contentHTML {
			unsupported("trusted HTML in an attribute") // html/template strips its tags
		}
		return htmlReplacer(s, htmlReplacementTable)
	},
	"_html_template_rcdataescaper": func(s string, t contentType) string {
		if t == contentHTML {
			return htmlReplacer(s, htmlNormReplacementTable)
		}
		return htmlReplacer(s, htmlReplacementTable)
	},
	"_html_template_urlfilter": func(s string, t contentType) string {
		if t == contentURL {
			return s
		}
		if !isSafeURL(s) {
			return "#ZgotmplZ"
		}
		return s
	},
	"_html_template_urlnormalizer": func(s string, t contentType) string { return urlProcessor(true, s, t) },
	"_html_template_urlescaper":    func(s string, t contentType) string { return urlProcessor(false, s, t) },
	"_html_template_jsvalescaper": func(s string, t contentType) string {
		if t != contentJS {
			unsupported("a value other than template.JS in a script")
		}
		return s
	},
}

var htmlReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

var htmlNormReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// htmlReplacer is html/template's htmlReplacer with badRunes true, the
// case of every escaper above.
func htmlReplacer(s string, table []string) string {
	r := replacer{s: s}
	for i, w := 0, 0; i < len(s); i += w {
		c := s[i]
		if c >= utf8.RuneSelf {
			_, w = utf8.DecodeRuneInString(s[i:])
			continue
		}
		w = 1
		if int(c) < len(table) && table[c] != "" {
			r.replace(i, table[c])
		}
	}
	return r.done()
}

func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

func urlProcessor(norm bool, s string, t contentType) string {
	if t == contentURL {
		norm = true
	}
	const hex = "0123456789abcdef"
	r := replacer{s: s}
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		r.replace(i, string([]byte{'%', hex[c>>4], hex[c&15]}))
	}
	return r.done()
}

// replacer builds s with some of its bytes replaced, copying nothing
// when none is.
type replacer struct {
	s       string
	b       strings.Builder
	written int // bytes of s up to here are in b
}

// replace puts repl in place of the byte at i.
func (r *replacer) replace(i int, repl string) {
	if r.written == 0 {
		r.b.Grow(len(r.s) + 16)
	}
	r.b.WriteString(r.s[r.written:i])
	r.b.WriteString(repl)
	r.written = i + 1
}

func (r *replacer) done() string {
	if r.written == 0 {
		return r.s
	}
	r.b.WriteString(r.s[r.written:])
	return r.b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
