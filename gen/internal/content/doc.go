// Package content reads and validates the site's content tree: the event
// files, the explainer pages and the data files. It takes an fs.FS and
// returns values and diagnostics; it never writes.
//
// # Layout
//
//	content/data/site.yaml          languages (default first), titles, base_url, as_of, licence
//	content/data/authorities.yaml   one entry per authority or court
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
// # Event schema
//
// The schema is written once, as tables of fields (EventSchema,
// EventTextSchema, PageSchema, PageTextSchema, SiteSchema,
// AuthoritySchema): the loader reads every file by them, and gen new's
// scaffold, the editors' guide (docs/editing.md) and the examples below
// are written from them. A field not marked "per language" is a fact,
// written once in the default language's file; a translation holds only
// the per-language fields. An event's id is its file name: lowercase ascii
// letters, digits and hyphens, e.g. 2022-10-17-cnil-sanction; it never
// changes when the title does.
//
// Front matter is YAML between two "---" lines; the Markdown body follows.
// Every field, with an example:
//
//	---
//	date: 2022-10-17                        # required. The decision date, as precise as known: 2022-10-17, 2020-09 or 2021.
//	                                        #   A calendar day, never converted through a time zone; a less precise date
//	                                        #   sorts first in its period.
//	published: 2022-10-20                   # optional. The day it was made public; same format, never before date.
//	country: FR                             # required. ISO 3166-1: FR, GB (not UK), IT, GR, NL, AT, AU, CA, US, SE, DE; ISO
//	                                        #   3166-2 for a province or state: CA-BC, CA-AB, CA-QC, US-VT, US-IL, DE-HH.
//	authority: cnil                         # required. A key of content/data/authorities.yaml; add the authority there
//	                                        #   first.
//	kind: fine                              # required. One of: complaint, lawsuit, findings, notice, intent, order, fine,
//	                                        #   penalty, ruling, appeal, settlement. notice = formal notice (mise en
//	                                        #   demeure); intent = notice of intent (the provisional step before a fine);
//	                                        #   penalty = periodic penalty (astreinte) or its liquidation.
//	amount:                                 # optional. In the decision's own currency; never converted. For kind penalty,
//	                                        #   it defaults to the penalty's total and must agree with it.
//	  value: 20000000                       # required. A whole number in the currency's main unit: no spaces, no decimals,
//	                                        #   no currency sign.
//	  currency: EUR                         # required. ISO 4217: EUR, GBP, USD, SEK, CAD, AUD …
//	  qualifier: exact                      # optional. One of: exact (default), about, at-least, at-most.
//	penalty:                                # optional. A periodic penalty (astreinte): a rate per day or a cap, and the
//	                                        #   period it ran.
//	  rate: {value: 100000, currency: EUR}  # optional. The amount per day of delay.
//	  from: 2022-12-19                      # optional. The first day of the period it ran.
//	  to: 2023-02-09                        # optional. The last day of that period.
//	  days: 52                              # optional. With from and to, defaults to the count with both ends; a stated
//	                                        #   days must be that count or the count with one end left out (the page then
//	                                        #   states both).
//	  total:                                # optional. Best left out: the build computes rate × days, and refuses a stated
//	                                        #   total that disagrees.
//	  cap: {value: 6000000, currency: EUR}  # optional. The most it may reach in all, when the decision says.
//	reference: SAN-2022-019                 # optional. The decision's own number.
//	status: final                           # required. One of: pending, in-force, final, appealed, quashed, restored,
//	                                        #   superseded, dismissed, withdrawn, closed.
//	confirmation: confirmed                 # required. One of: confirmed, press, partial, unconfirmed. confirmed: the
//	                                        #   authority's or court's own text was seen; press: two independent secondary
//	                                        #   sources agree.
//	paid: unpaid                            # optional. One of: paid, unpaid, unknown (default). Fines and penalties only,
//	                                        #   and only with a source saying so.
//	context: false                          # optional. true for an action against a user of Clearview: shown as context,
//	                                        #   left out of the totals.
//	related:                                # optional. The ids (file names without .md) of the other steps of the same
//	                                        #   case; each must exist. One side is enough: the link is shown on both.
//	  - 2021-11-26-cnil-mise-en-demeure
//	sources:                                # required. At least one; the authority's or court's own text first.
//	  - url: https://www.cnil.fr/fr/…       # required. http or https only.
//	    title: "Reconnaissance faciale : sanction de 20 millions d'euros à l'encontre de Clearview AI"
//	                                        # required. The source's own title.
//	    publisher: CNIL                     # required. Who published it: CNIL, Reuters …
//	    language: fr                        # required. The source's language (BCP 47): fr, en, it, el, nl, de …
//	    primary: true                       # optional. true only for the authority's or court's own text, or a verbatim
//	                                        #   copy of it.
//	draft: false                            # optional. true keeps the event off the published site; gen serve shows it,
//	                                        #   marked.
//	# The text, here in French; ID.en.md holds these fields in English, and nothing else.
//	title: "La CNIL inflige 20 millions d'euros à Clearview AI"  # required, per language. The event's heading.
//	summary: "Une phrase pour la chronologie."  # required, per language. One sentence for the timeline.
//	caveats:                                # optional, per language. What is not confirmed, one item each: shown to the
//	                                        #   reader.
//	  - "Le numéro de la délibération n'est donné que par une source."
//	---
//	The body, in Markdown.
//
// # Page schema
//
// Every field of a page, with an example:
//
//	---
//	title: "Glossaire"  # required, per language. The page's heading.
//	menu: "Glossaire"   # optional, per language. A short title for the menu.
//	description: "Les notions juridiques de la chronologie."  # required, per language. One sentence: the meta description.
//	slug: glossaire     # required, per language. The page's address in this language.
//	weight: 30          # optional. The page's place in the menu.
//	layout: page        # optional. One of: page (default), figures. figures adds the totals computed from the events.
//	---
//	The body, in Markdown.
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
// penalty with no related event) become errors under gen check --strict.
//
// Files are refused, with a diagnostic, when they are larger than 1 MiB,
// hold a line longer than 20 000 bytes, are not UTF-8 (UTF-16, invalid
// bytes, NUL), are symbolic links, or use YAML anchors, aliases or tags.
// A UTF-8 byte-order mark and CRLF line endings are accepted.
package content
