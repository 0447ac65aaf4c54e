package cms

import (
	"bytes"
	"html/template"
)

// IndexInput is what the page at /admin/ says.
type IndexInput struct {
	Lang, Title  string // the site's default language, and the site's title in it
	Bundle, Icon string // the addresses of the CMS's script and of the site's icon, as published
	Prefs        string // if set, the address of static/admin/prefs.js, run before the CMS: its interface's language
}

// index is Sveltia CMS's documented page, with the script served by the
// site itself: no inline script or style, kept out of search engines. It
// has no viewport of its own: the CMS writes one.
var index = template.Must(template.New(IndexFile).Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>{{.Title}} (CMS)</title>
{{with .Icon}}<link rel="icon" href="{{.}}">
{{end}}</head>
<body>
{{with .Prefs}}<script src="{{.}}"></script>
{{end}}<script src="{{.Bundle}}"></script>
</body>
</html>
`))

// Index returns admin/index.html.
func Index(in IndexInput) ([]byte, error) {
	var buf bytes.Buffer
	if err := index.Execute(&buf, in); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
