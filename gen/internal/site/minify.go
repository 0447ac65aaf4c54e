package site

import (
	"bytes"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier is the one minify registry of a Builder. Every type the HTML
// minifier hands inline content to is registered (CSS in style attributes
// and elements, JavaScript, JSON-LD, inline SVG), or that content would
// pass through untouched.
type minifier struct{ m *minify.M }

func newMinifier() *minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &minifier{m: m}
}

func (mf *minifier) bytes(mediatype string, b []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(b))
	// A bytes.Reader is copied before it is read: the minifiers change
	// their input in place, and b is the caller's.
	if err := mf.m.Minify(mediatype, &out, bytes.NewReader(b)); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// html minifies src, a page, into dst. src is read in place, without a
// copy, and left changed: it is scratch space the caller throws away.
func (mf *minifier) html(dst, src *bytes.Buffer) error {
	return mf.m.MinifyMimetype([]byte("text/html"), dst, src, nil)
}
