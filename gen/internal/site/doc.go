// Package site builds the site from an fs.FS holding content/, layouts/
// and static/: Build gives each output file's path and bytes to a function
// as the file is made, in the same order on every run, so that a large
// site is never held whole (BuildAll keeps them all, for the dev server
// and gen check); it returns the diagnostics, and never touches the disk.
//
// # Output
//
// The default language (French) is at the root, every other one under
// /LANG/. Per language: the timeline (/, /en/); one page per event
// (/evenements/ID/, /en/events/ID/); the explainer pages (/SLUG/), the one
// of layout comparison followed by what the decisions found and ordered
// (findings.go); facet pages per country, authority, kind, year and
// article found breached (/pays/fr/, /en/kinds/fine/, /articles/rgpd-6/…),
// each with its Atom feed; a 404 page; an Atom feed and a JSON Feed
// (/feed.xml, /feed.json). Once: /sitemap.xml with hreflang alternates,
// /robots.txt, the open data /data/events.json and /data/events.csv, and
// static/ with CSS and JavaScript minified and named by their content hash
// (/css/site.HASH.css). Every HTML page is minified, with the CSS,
// JavaScript, SVG and JSON inside it. The output depends neither on the
// order files are read in, nor on the scheduling or the clock.
//
// # How a build goes
//
// The content (package content) and the theme (layouts/ and static/) load;
// every Markdown body is rendered; newLangViews builds each language's
// views, plain data that says everything a page shows (views.go). Each
// page's own view is made with the page (pages.go), its template run on
// it, the page minified and given out and the view dropped. Bodies, cards
// and pages render on all cores, a few pages ahead of the one given out
// (inOrder), the feeds, open data and sitemap first. Build changes nothing
// it reads, and keeps nothing between calls but what a Cache holds.
//
// # Layouts
//
// layouts/base.html and layouts/partials/*.html are shared; every other
// layouts/*.html is a page layout that defines "main" (home, event, page,
// figures, comparison, facet, updates, 404). Templates are named by their
// path, so errors read layouts/event.html:12. A page's template gets a
// *Page; an event's card (partials/event-card.html) an *EventView,
// rendered once per language and shown as it is by the timeline and every
// facet page; head.html, menu.html and footer.html a *Shared, what every
// page of a language shows alike, rendered once per language (the menu
// once for each page it marks). Templates read nothing but their view and
// their language: no clock, no environment.
//
// layouts/i18n/LANG.yaml holds each language's words, URL segments, month
// names and money pattern; a layout writes a word as {{.L.T.key}}, and a
// missing one fails the build. {subject} in a word is the subject of
// content/data/site.yaml. Words are set in the language's typography when
// read (in French, no-break spaces before ; : ! ?), and a label is
// followed by .L.T.colon, never by a typed colon; TestTypography reads
// every page of the real site for these rules.
//
// # The dev server's cache
//
// A Build given a Cache reuses what earlier builds rendered where that
// pays (BenchmarkServeReload): each Markdown body, by its bytes, languages
// and link table, and each page, by the theme's sum, its template and its
// complete view, every entry found by memo.Key of everything its rendering
// reads. Nothing is listed by hand, so no edit can leave a stale page, and
// the bytes are those of a Build without a cache (TestCachedEqualsFresh).
// The share cards are kept on disk by Options.Cards, for gen build and gen
// serve alike.
package site
