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
// Events may sit in subfolders of content/events; the id is the file name
// without .md (lowercase ascii letters, digits and hyphens), whatever the
// folder, and never changes when the title does. A missing translation is
// a warning: that language's page shows the default language's text.
//
// # Schema
//
// The schema is written once, as tables of fields (EventSchema,
// PageSchema, SiteSchema, AuthoritySchema, LawSchema …): the loader reads
// every file by them, and gen new's scaffold and the editors' guide
// (docs/editing.md; TestDocs keeps it so) are written from them. A field
// not marked "per language" is a fact, written once in the default
// language's file; a translation holds only the per-language fields.
// Front matter is YAML between two "---" lines; the Markdown body follows.
//
// # Diagnostics
//
// Every problem is a Diagnostic that prints as
//
//	content/events/x.md:LINE:COL: field: what is wrong; expected what is right
//
// with lines counted in the file. Load reports all of them, sorted.
// Warnings (a missing translation, no primary source …) become errors
// under gen check --strict.
//
// Files are refused when they are larger than 1 MiB, hold a line longer
// than 20 000 bytes, are not UTF-8, are symbolic links, or use YAML
// anchors, aliases or tags. A UTF-8 byte-order mark and CRLF line endings
// are accepted.
package content
