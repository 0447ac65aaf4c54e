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
// Front matter is YAML between two "---" lines; the Markdown body follows.
//
//	id            the file name: lowercase ascii letters, digits and hyphens,
//	              e.g. 2022-10-17-cnil-sanction. Never changes when the title does.
//	date          required. The decision date at the precision known:
//	              2022-10-17, 2020-09 or 2021. A calendar day, never converted
//	              through a time zone. Less precise dates sort first in their period.
//	published     optional. The day it was made public; same rules, not before date.
//	country       required. ISO 3166-1 alpha-2 (GB for the United Kingdom) or
//	              ISO 3166-2 for a subdivision (US-VT, CA-BC).
//	authority     required. A key of content/data/authorities.yaml.
//	kind          required. complaint, lawsuit, findings, notice (a formal
//	              notice: mise en demeure), intent (a notice of intent, the
//	              provisional step before a fine), order, fine, penalty
//	              (astreinte and its liquidation), ruling, appeal, settlement.
//	amount        optional. {value: 20000000, currency: EUR, qualifier: exact}:
//	              a whole number in the currency's main unit (no floats, no
//	              spaces, no signs), an ISO 4217 code, and a qualifier among
//	              exact (default), about, at-least, at-most.
//	penalty       optional. {rate: MONEY per day, from: DAY, to: DAY, days: N,
//	              total: MONEY, cap: MONEY}. With from and to, days defaults
//	              to the count with both ends; a stated days must be that
//	              count or the count with one end left out. The total is
//	              computed as rate × days; a stated total must agree. For
//	              kind penalty, amount defaults to the total and must agree.
//	reference     optional. The decision's own number: SAN-2022-019.
//	status        required. pending, in-force, final, appealed, quashed,
//	              restored, superseded, dismissed, withdrawn, closed.
//	confirmation  required. confirmed (the authority's own text was seen),
//	              press (two independent secondary sources), partial, unconfirmed.
//	paid          optional, fines and penalties only: paid, unpaid, unknown (default).
//	context       optional. true for an action against a user of Clearview,
//	              shown as context and left out of the totals.
//	related       optional. Ids of the other events of the same case; each
//	              must exist. The relation is made symmetric.
//	sources       required, at least one: {url (http or https only), title,
//	              publisher, language (BCP 47), primary (true for the
//	              authority's or court's own text)}.
//	draft         optional. true keeps the event out of the build.
//	title         required, per language.
//	summary       required, per language: one sentence for the timeline.
//	caveats       optional, per language: what is not confirmed, one item each.
//
// # Page schema
//
//	title         required, per language.
//	menu          optional, per language: a short title for the menu.
//	description   required, per language: one sentence (the meta description).
//	slug          required, per language: the page's address, e.g. glossaire.
//	weight        optional, default language only: the order in the menu.
//	layout        optional, default language only: page (default) or figures,
//	              which adds the totals computed from the events.
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
