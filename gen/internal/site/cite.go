package site

import (
	"strings"

	"timeline/gen/internal/content"
)

// Citation is how to cite a page, in the page's language: a sentence and
// a BibTeX entry, the day consulted left for the reader to fill in.
type Citation struct {
	Text, BibTeX string
}

// bibtexEscaper escapes what BibTeX reads as commands or groups.
var bibtexEscaper = strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`,
	"#", `\#`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`)

// cite is how to cite a page of language l titled title at url, whose
// text was last updated on updated; key names its BibTeX entry.
func cite(l *Lang, siteTitle, title, url, key string, updated content.Date) *Citation {
	date := l.Date(updated)
	text := l.Tf("cite_text", "title", title, "site", siteTitle, "date", date, "url", url)
	b := bibtexEscaper.Replace
	bib := "@misc{" + key + ",\n" +
		"  title = {{" + b(title) + "}},\n" +
		"  author = {{" + b(siteTitle) + "}},\n" +
		"  year = {" + updated.String()[:4] + "},\n" +
		"  howpublished = {\\url{" + url + "}},\n" +
		"  note = {" + b(l.Tf("cite_note", "date", date)) + "},\n" +
		"  urldate = {" + l.word("cite_urldate") + "}\n}"
	return &Citation{Text: text, BibTeX: bib}
}

// embedSnippet is the HTML another site pastes to show the timeline of
// language l, filtered by query (e.g. "?pays=fr"), in a frame; the
// script, which may be left out, sets the frame's height to the one the
// timeline posts to its parent, so that it never scrolls inside.
func (in *inputs) embedSnippet(l *Lang, title, query string) string {
	return `<iframe src="` + in.abs(l.Prefix+"/embed/"+query) + `" title="` + strings.ReplaceAll(title, `"`, "&quot;") +
		`" width="100%" height="600" loading="lazy" style="border:0"></iframe>` + "\n" +
		`<script>addEventListener("message",function(e){if(e.origin==="` + in.baseURL + `"&&e.data&&e.data.timelineHeight)` +
		`document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.timelineHeight+"px"})})</script>`
}
