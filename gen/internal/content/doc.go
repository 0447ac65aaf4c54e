// Package content reads and validates the site's content tree: the event
// files, the explainer pages and the data files. It takes an fs.FS and
// returns values and diagnostics; it never writes.
//
// # Layout
//
//	content/data/site.yaml          languages (default first), titles, base_url, as_of, licence
//	content/data/authorities.yaml   one entry per authority or court
//	content/data/laws.yaml          the laws and provisions findings cite (optional)
//	content/events/ID.md            an event: its facts and the default language's text
//	content/events/ID.LANG.md       the same event's text in another language
//	content/pages/KEY.md            an explainer page in the default language
//	content/pages/KEY.LANG.md       the same page in another language
//
// Events may sit in subfolders of content/events (by year, say); the id is
// the file name without .md, whatever the folder. The facts of an event are
// written once, in ID.md; ID.LANG.md holds only title, summary, caveats and
// the body. A missing translation is a warning: the page in that language
// shows the default language's text, marked as such.
//
// # Schema
//
// The schema is written once, as tables of fields (EventSchema,
// EventTextSchema, PageSchema, PageTextSchema, SiteSchema,
// AuthoritySchema, LawSchema): the loader reads every file by them, and gen new's
// scaffold and the editors' guide (docs/editing.md, every field with an
// example; TestDocs keeps it so) are written from them. A field not marked
// "per language" is a fact, written once in the default language's file;
// a translation holds only the per-language fields. An event's id is its
// file name: lowercase ascii letters, digits and hyphens, e.g.
// 2022-10-17-cnil-sanction; it never changes when the title does. Front
// matter is YAML between two "---" lines; the Markdown body follows.
//
// # Diagnostics
//
// Every problem is a Diagnostic that prints as
//
//	content/events/x.md:LINE:COL: field: what is wrong; expected what is right
//
// with lines counted in the file. Load reports all of them, sorted. Unknown
// fields get a "did you mean", enumerations list their values, and the
// warnings (missing translation, no primary source, a notice, fine or
// penalty with no related event, a decision that says neither what it
// found nor what it ordered, a provision of a law that does not apply in
// the event's country) become errors under gen check --strict.
//
// Files are refused, with a diagnostic, when they are larger than 1 MiB,
// hold a line longer than 20 000 bytes, are not UTF-8 (UTF-16, invalid
// bytes, NUL), are symbolic links, or use YAML anchors, aliases or tags.
// A UTF-8 byte-order mark and CRLF line endings are accepted.
package content
