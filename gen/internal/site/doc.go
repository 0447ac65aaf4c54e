// Package site builds the whole site in memory from an fs.FS holding
// content/, layouts/ and static/: a Builder returns every output file's
// bytes by path (or hands each to a sink as soon as it is made), and never
// touches the disk.
//
// # Output
//
// The default language (French) is at the root, every other one under
// /LANG/. Per language: the timeline (/, /en/); one page per event
// (/evenements/ID/, /en/events/ID/); the explainer pages (/SLUG/); facet
// pages per country, authority, kind and year (/pays/fr/, /en/kinds/fine/…);
// a 404 page; an Atom feed and a JSON Feed (/feed.xml, /feed.json). Once:
// /sitemap.xml with hreflang alternates, /robots.txt, the open data
// /data/events.json and /data/events.csv, and static/ with CSS and
// JavaScript minified and named by their content hash (/css/site.HASH.css).
// Every HTML page is minified, and so is the CSS, JavaScript, SVG and JSON
// inside it. What many pages share (each event's card, the menu, the
// footer) is rendered and minified once, and put in place in each page
// after that page is minified, with the same bytes as minifying the whole
// (slots.go).
//
// # Speed
//
// Bodies, cards and pages are rendered on all cores, the feeds, open data
// and sitemap beside the pages; page buffers are reused; gen build hands
// each page to the new output folder as soon as it is made. The output does
// not depend on the scheduling: every list is in page order.
//
// # Layouts
//
// layouts/base.html and layouts/partials/*.html are shared; every other
// layouts/*.html is a page layout that defines "main" (home, event, page,
// figures, facet, 404). Templates are named by their path, so errors read
// layouts/event.html:12. layouts/i18n/LANG.yaml holds the words of each
// language, its URL segments, month names and money pattern; its words are
// set in the language's typography when they are read (in French, no-break
// spaces before ; : ! ?), and a label is followed by .L.T "colon" (French
// " :" with a no-break space, English ":"), never by a typed colon. A test
// (TestTypography) reads every page of the real site for these rules.
// Templates get a page value that knows the page's language: .L.T "key",
// .L.Date, .L.Money, .Alternates, .Canonical, .Menu, .Event, .Events,
// .Years, .Figures, .JSONLD
// and so on (see state.go and views.go). What every page shows is computed
// before the template runs and read as plain fields (pageData, EventView): a
// template reads one for a fraction of what calling a method costs.
// html/template parses and escapes the layouts; package htmlexec runs the
// escaped templates, with the same bytes (a test builds the real site and
// synthetic events both ways), and hands any template it cannot run back
// to html/template.
// The one thing the templates may not do is read anything else: no clock,
// no environment.
//
// # Incremental builds
//
// A Builder keeps what it made: parsed files (by their bytes' fingerprint),
// rendered bodies, each event's card, each page with a fingerprint of
// everything it shows. The next build renders only the pages whose
// fingerprint changed; with Options.Incremental it also trusts its memory
// of the files not named to Invalidate. Whatever the path, a build's
// output is the same bytes as a fresh build's.
package site
