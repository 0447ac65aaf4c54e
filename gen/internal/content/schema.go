package content

import (
	"regexp"
	"slices"
	"strings"
)

// The enumerations of the schema. Their order is the order of the lists
// printed in error messages and of the facets on the site.
var (
	Kinds = []string{"complaint", "lawsuit", "findings", "notice", "intent", "order", "decision", "fine", "penalty", "ruling", "appeal", "settlement", "closure"}

	Statuses = []string{"pending", "in-force", "final", "appealed", "quashed", "superseded", "dismissed", "withdrawn", "closed"}

	// Confirmations say what was read: the decision's own text, the
	// authority's or court's own summary or press release, independent
	// press only, or nothing that confirms it.
	Confirmations = []string{"decision-text", "authority-summary", "press", "unconfirmed"}

	Payments = []string{"paid", "unpaid", "unknown"}

	Qualifiers = []string{"exact", "about", "at-least", "at-most"}

	Layouts = []string{"page", "figures", "comparison"}

	// Orders are what a decision may order; Compliances what is known of
	// an order's execution.
	Orders      = []string{"stop-collecting", "stop-processing", "delete", "answer-requests", "appoint-representative", "stop-offering", "other"}
	Compliances = []string{"complied", "not-complied", "unknown"}

	// NoFindings say why a decision has no findings; FindingsSources what
	// its list of findings was read in.
	NoFindings      = []string{"procedure", "no-admission", "not-known"}
	FindingsSources = []string{"decision-text", "authority-summary", "secondary"}

	// Decisions are the kinds of event that decide something: each says
	// what it found and ordered, or why that is not known.
	Decisions = []string{"findings", "notice", "intent", "order", "decision", "fine", "penalty", "ruling", "settlement", "closure"}
)

// kindHints maps words editors are likely to write, in French or English,
// to the kind they mean, so that the error can say which to use.
var kindHints = map[string]string{
	"amende": "fine", "sanction": "fine", "mise-en-demeure": "notice", "mise en demeure": "notice",
	"formal-notice": "notice", "astreinte": "penalty", "liquidation": "penalty", "recours": "appeal",
	"plainte": "complaint", "ordonnance": "order", "injonction": "order", "décision": "decision (an authority's) or ruling (a court's)",
	"determination": "decision", "bescheid": "decision", "jugement": "ruling", "arrêt": "ruling", "judgment": "ruling",
	"transaction": "settlement", "accord": "settlement", "action": "lawsuit", "procès": "lawsuit",
	"constatations": "findings", "notice-of-intent": "intent", "avis-intention": "intent", "intention": "intent",
	"classement": "closure", "no-further-action": "closure",
}

// confirmationHints name the levels that replaced the old ones.
var confirmationHints = map[string]string{
	"confirmed": "decision-text if the decision's own text was read, authority-summary if its press release or summary was",
	"partial":   "press, or authority-summary if the authority's own summary was read",
}

// Type says how a field's value is written and checked.
type Type string

// The types of the schema's fields.
const (
	TypeText       Type = "text"        // one line of text
	TypeDate       Type = "date"        // YYYY-MM-DD, YYYY-MM or YYYY
	TypeDay        Type = "day"         // YYYY-MM-DD
	TypeCountry    Type = "country"     // ISO 3166-1 alpha-2, or ISO 3166-2
	TypeAuthority  Type = "authority"   // a key of AuthoritiesFile
	TypeID         Type = "id"          // an event's id: its file name without .md
	TypeEnum       Type = "enum"        // one of Field.Values
	TypeBool       Type = "boolean"     // true or false
	TypeInt        Type = "integer"     // a whole number in plain digits, 0 or more
	TypeCurrency   Type = "currency"    // an ISO 4217 code
	TypeURL        Type = "url"         // an http or https address
	TypeSlug       Type = "slug"        // lowercase ascii letters, digits and hyphens
	TypeLanguage   Type = "language"    // a BCP 47 language code
	TypeByLanguage Type = "by-language" // one text per site language: {fr: …, en: …}
	TypeMoney      Type = "money"       // a group of MoneySchema's fields
	TypePenalty    Type = "penalty"     // a group of PenaltySchema's fields
	TypeSource     Type = "source"      // a group of SourceSchema's fields
	TypeUpdate     Type = "update"      // a group of UpdateSchema's fields
	TypeLinks      Type = "links"       // one URL per site language
	TypeProvision  Type = "provision"   // a provision's key in LawsFile: law:number
	TypeProvisions Type = "provisions"  // a law's provisions, by number
	TypeFinding    Type = "finding"     // a group of FindingSchema's fields
	TypeOrder      Type = "order"       // a group of OrderSchema's fields
	TypeCompliance Type = "compliance"  // a group of ComplianceSchema's fields
)

// Field is one key of a file's front matter or data, as the schema
// defines it: the loader, gen new's scaffold and the guide use it alike.
type Field struct {
	Name string
	Type Type
	// List is true for a list of values of Type.
	List     bool
	Required bool
	// PerLang is true for text written in each language's file, false for
	// a fact. Long text (a summary, a caveat) is edited in a box of
	// several lines.
	PerLang, Long bool
	// Values are an enumeration's values; Default is the value a missing
	// field takes.
	Values  []string
	Default string
	// Hints maps words editors are likely to write to the value they mean.
	Hints map[string]string
	// Item names one value of a list of values ("caveat").
	Item string
	// Fields are the fields of a group: of a money, penalty or source.
	Fields []Field
	// Expected is what the error for a missing required field expects,
	// when neither its Values nor its type's format (Formats) say it.
	Expected string
	// Doc is the note for editors; Example is a value for the guide, in YAML
	// (a list's items one per line).
	Doc, Example string
}

// Comment is f's note for editors, as gen new's scaffold and the guide
// show it.
func (f Field) Comment() string {
	s := "optional"
	if f.Required {
		s = "required"
	}
	if f.PerLang {
		s += ", per language"
	}
	s += "."
	if f.Values != nil {
		vs := slices.Clone(f.Values)
		if i := slices.Index(vs, f.Default); i >= 0 {
			vs[i] += " (default)"
		}
		s += " One of: " + strings.Join(vs, ", ") + "."
	}
	if f.Doc != "" {
		s += " " + f.Doc
	}
	return s + f.format()
}

// format is the sentence that says how f's values are written, or "".
func (f Field) format() string {
	if e := Formats[f.Type].Expected; e != "" {
		if !strings.HasSuffix(e, "…") {
			e += "."
		}
		return " Written as " + e
	}
	return ""
}

// MoneySchema is an amount: {value: 20000000, currency: EUR}.
var MoneySchema = []Field{
	{Name: "value", Type: TypeInt, Required: true,
		Doc: "A whole number in the currency's main unit: no spaces, no decimals, no currency sign.", Example: "20000000"},
	{Name: "currency", Type: TypeCurrency, Required: true,
		Doc: "ISO 4217: EUR, GBP, USD, SEK, CAD, AUD …", Example: "EUR"},
	{Name: "qualifier", Type: TypeEnum, Values: Qualifiers, Default: "exact", Example: "exact"},
}

// PenaltySchema is a periodic penalty (astreinte).
var PenaltySchema = []Field{
	{Name: "rate", Type: TypeMoney, Fields: MoneySchema, Doc: "The amount per day of delay.", Example: "{value: 100000, currency: EUR}"},
	{Name: "from", Type: TypeDay, Doc: "The first day of the period it ran.", Example: "2022-12-19"},
	{Name: "to", Type: TypeDay, Doc: "The last day of that period.", Example: "2023-02-09"},
	{Name: "days", Type: TypeInt, Example: "52",
		Doc: "With from and to, defaults to the count with both ends; a stated days must be that count or the count with one end left out (the page then states both)."},
	{Name: "total", Type: TypeMoney, Fields: MoneySchema,
		Doc: "Best left out: the build computes rate × days, and refuses a stated total that disagrees."},
	{Name: "cap", Type: TypeMoney, Fields: MoneySchema, Doc: "The most it may reach in all, when the decision says.", Example: "{value: 6000000, currency: EUR}"},
}

// SourceSchema is one of an event's sources.
var SourceSchema = []Field{
	{Name: "url", Type: TypeURL, Required: true, Doc: "http or https only.", Example: "https://www.cnil.fr/fr/…"},
	{Name: "title", Type: TypeText, Required: true, Expected: "the source's title", Doc: "The source's own title.",
		Example: `"Délibération n° SAN-2024-007 du 18 novembre 2024 concernant la société Exemple SA"`},
	{Name: "publisher", Type: TypeText, Required: true, Expected: "the publisher, e.g. CNIL, Reuters",
		Doc: "Who published it: CNIL, Reuters …", Example: "CNIL"},
	{Name: "language", Type: TypeLanguage, Required: true,
		Doc: "The source's language (BCP 47): fr, en, it, el, nl, de …", Example: "fr"},
	{Name: "primary", Type: TypeBool, Doc: "true only for the authority's or court's own text, or a verbatim copy of it.", Example: "true"},
}

// UpdateSchema is one correction of an event: its day, and what changed
// and why, in every language of the site.
var UpdateSchema = []Field{
	{Name: "date", Type: TypeDay, Required: true, Example: "2026-11-30"},
	{Name: "text", Type: TypeByLanguage, Required: true, Expected: "one sentence per language: what changed, and why",
		Doc: "One sentence per language: what changed, and why.", Example: `{fr: "Le montant est corrigé d'après la délibération.", en: "The amount is corrected from the decision."}`},
}

// FindingSchema is one provision a decision found breached.
var FindingSchema = []Field{
	{Name: "provision", Type: TypeProvision, Required: true,
		Doc: "The provision's key in " + LawsFile + ": the law's key, a colon, its number as the law writes it.", Example: "gdpr:6(1)"},
	{Name: "how", Type: TypeByLanguage, Doc: "One sentence per language: how the decision found it breached.",
		Example: `{fr: "Aucune base légale ne fonde la collecte.", en: "No lawful basis supports the collection."}`},
}

// ComplianceSchema is what is known of an order's execution.
var ComplianceSchema = []Field{
	{Name: "status", Type: TypeEnum, Values: Compliances, Required: true, Example: "not-complied"},
	{Name: "date", Type: TypeDate, Doc: "The day it was established: the date of the source that says so. Required unless unknown.", Example: "2023-04-13"},
	{Name: "source", Type: TypeURL, Doc: "The address of the source that says so, one of the sources of an event of the timeline. Required unless unknown.",
		Example: "https://www.cnil.fr/fr/…"},
}

// OrderSchema is one thing a decision ordered.
var OrderSchema = []Field{
	{Name: "order", Type: TypeEnum, Values: Orders, Required: true, Example: "delete"},
	{Name: "text", Type: TypeByLanguage, Doc: "What was ordered, one sentence per language; required for other.",
		Example: `{fr: "Supprimer les données des personnes se trouvant en France.", en: "Delete the data of people in France."}`},
	{Name: "deadline", Type: TypeDate, Doc: "The day it had to be done by, when the decision gives one, as precise as known.", Example: "2022-12-18"},
	{Name: "compliance", Type: TypeCompliance, Fields: ComplianceSchema, Doc: "Whether it was done, and who says so; left out when nothing is known."},
}

// EventSchema is the front matter of content/events/ID.md: the facts of an
// event and its text in the default language.
var EventSchema = []Field{
	{Name: "date", Type: TypeDate, Required: true, Example: "2022-10-17",
		Doc: "The decision date, as precise as known: 2022-10-17, 2020-09 or 2021. A calendar day, never converted through a time zone; a less precise date sorts first in its period."},
	{Name: "published", Type: TypeDate, Doc: "The day it was made public; same format, never before date.", Example: "2022-10-20"},
	{Name: "country", Type: TypeCountry, Required: true, Example: "FR",
		Doc: "ISO 3166-1: FR, GB (not UK), IT, GR, NL, AT, AU, CA, US, SE, DE; ISO 3166-2 for a province or state: CA-BC, CA-AB, CA-QC, US-VT, US-IL, DE-HH."},
	{Name: "authority", Type: TypeAuthority, Required: true, Expected: "a key of " + AuthoritiesFile, Example: "cnil",
		Doc: "A key of " + AuthoritiesFile + "; add the authority there first."},
	{Name: "kind", Type: TypeEnum, Values: Kinds, Hints: kindHints, Required: true, Example: "fine",
		Doc: "What the step is; the guide defines each kind (notice: a formal notice, mise en demeure; penalty: an astreinte)."},
	{Name: "amount", Type: TypeMoney, Fields: MoneySchema,
		Doc: "In the decision's own currency; never converted. For kind penalty, it defaults to the penalty's total and must agree with it."},
	{Name: "penalty", Type: TypePenalty, Fields: PenaltySchema,
		Doc: "A periodic penalty (astreinte): a rate per day or a cap, and the period it ran."},
	{Name: "reference", Type: TypeText, PerLang: true, Example: "SAN-2022-019",
		Doc: "The decision's own number, as this language cites it (2023 CF 1612, 2023 FC 1612); a translation without it shows the default language's."},
	{Name: "status", Type: TypeEnum, Values: Statuses, Required: true, Example: "final",
		Doc: "Where the step stands today."},
	{Name: "confirmation", Type: TypeEnum, Values: Confirmations, Hints: confirmationHints, Required: true, Example: "decision-text",
		Doc: "What was read: the decision's own text, the authority's own release or summary, the press only, or nothing yet."},
	{Name: "paid", Type: TypeEnum, Values: Payments, Default: "unknown", Example: "unpaid",
		Doc: "Fines and penalties only, and only with a source saying so."},
	{Name: "context", Type: TypeBool, Example: "false",
		Doc: "true for an action against a user of the timeline's subject, not the subject itself: shown as context, left out of the totals. The page says so in a notice: no caveat needs to repeat it."},
	{Name: "related", Type: TypeID, List: true, Example: "2021-11-26-cnil-mise-en-demeure",
		Doc: "The ids (file names without .md) of the other steps of the same case; each must exist. One side is enough: the link is shown on both."},
	{Name: "findings", Type: TypeFinding, List: true, Fields: FindingSchema,
		Doc: "The provisions the decision found breached, as its text or the authority's own summary states them; each a key of " + LawsFile + "."},
	{Name: "findings_source", Type: TypeEnum, Values: FindingsSources,
		Doc: "What the list of findings was read in, when not what confirmation says: secondary when only a secondary source gives it."},
	{Name: "orders", Type: TypeOrder, List: true, Fields: OrderSchema,
		Doc: "What the decision ordered, each with its deadline and what is known of its execution."},
	{Name: "no_findings", Type: TypeEnum, Values: NoFindings,
		Doc: "For a decision without findings, why: with a caveat that says it when the label does not."},
	{Name: "sources", Type: TypeSource, List: true, Fields: SourceSchema, Required: true,
		Expected: "a list of sources, each with " + names(SourceSchema),
		Doc:      "At least one; the authority's or court's own text first."},
	{Name: "checked", Type: TypeDay, Doc: "The day the event's sources were last verified.", Example: "2026-11-30"},
	{Name: "updates", Type: TypeUpdate, List: true, Fields: UpdateSchema,
		Doc: "Corrections of a fact a reader may have relied on, each dated and said in every language; a change of wording is not logged."},
	{Name: "draft", Type: TypeBool, Doc: "true keeps the event off the published site; gen serve shows it, marked.", Example: "false"},
	{Name: "title", Type: TypeText, PerLang: true, Required: true, Expected: "the event's title in this language",
		Doc: "The event's heading.", Example: `"L'APD inflige 5 millions d'euros d'amende à Exemple SA"`},
	{Name: "summary", Type: TypeText, PerLang: true, Long: true, Required: true, Expected: "one sentence for the timeline",
		Doc: "One sentence for the timeline.", Example: `"Une phrase pour la chronologie."`},
	{Name: "caveats", Type: TypeText, List: true, PerLang: true, Long: true, Item: "caveat",
		Doc: "What is not confirmed, one item each: shown to the reader.", Example: `"Le numéro de la délibération n'est donné que par une source."`},
}

// PageSchema is the front matter of content/pages/KEY.md, an explainer
// page in the default language.
var PageSchema = []Field{
	{Name: "title", Type: TypeText, PerLang: true, Required: true, Expected: "the page's title in this language",
		Doc: "The page's heading.", Example: `"Glossaire"`},
	{Name: "menu", Type: TypeText, PerLang: true, Doc: "A short title for the menu.", Example: `"Glossaire"`},
	{Name: "description", Type: TypeText, PerLang: true, Long: true, Required: true, Expected: "one sentence describing the page",
		Doc: "One sentence: the meta description.", Example: `"Les notions juridiques de la chronologie."`},
	{Name: "slug", Type: TypeSlug, PerLang: true, Required: true,
		Expected: "the page's address in this language: lowercase letters, digits and hyphens",
		Doc:      "The page's address in this language.", Example: "glossaire"},
	{Name: "weight", Type: TypeInt, Doc: "The page's place in the menu.", Example: "30"},
	{Name: "layout", Type: TypeEnum, Values: Layouts, Default: "page", Doc: "figures adds the totals computed from the events; comparison, the tables of what the decisions found and ordered.", Example: "page"},
}

// EventTextSchema and PageTextSchema are the front matter of a translation,
// ID.LANG.md or KEY.LANG.md: the per-language fields only.
var (
	EventTextSchema = perLang(EventSchema)
	PageTextSchema  = perLang(PageSchema)
)

// SiteSchema is content/data/site.yaml.
var SiteSchema = []Field{
	{Name: "languages", Type: TypeLanguage, List: true, Required: true, Expected: "the list of languages, the default first: [fr, en]",
		Doc: "The default language first: its pages are at the root, and each event's facts are written in its file.", Example: "[fr, en]"},
	{Name: "title", Type: TypeByLanguage, Required: true, Expected: "the site's title per language"},
	{Name: "description", Type: TypeByLanguage, Required: true, Expected: "the site's description per language"},
	{Name: "subject", Type: TypeText, Required: true, Expected: "the name of the company or body whose enforcement the timeline follows, e.g. Exemple SA",
		Doc: "Whom the timeline follows: the interface's words name it as {subject}, and so does the pages' structured data."},
	{Name: "base_url", Type: TypeURL, Required: true, Expected: "the production address, e.g. https://example.org/"},
	{Name: "as_of", Type: TypeDay, Required: true, Expected: "the day the content was last reviewed, YYYY-MM-DD",
		Doc: "The day the content was last reviewed: \"today\" for the site, unless SOURCE_DATE_EPOCH says otherwise."},
	{Name: "repository", Type: TypeURL},
	{Name: "license", Type: TypeByLanguage},
	{Name: "per_page", Type: TypeInt, Doc: "The most events a list shows on one page (the timeline, a facet, the timeline to embed); the rest continue on further pages. 100 when not said."},
	{Name: "feed_limit", Type: TypeInt, Doc: "The most entries a feed holds, the latest first (a correction makes an entry new). 50 when not said."},
}

// AuthoritySchema is one entry of content/data/authorities.yaml, under
// its key.
var AuthoritySchema = []Field{
	{Name: "name", Type: TypeByLanguage, Required: true, Expected: "the name per language",
		Doc: "Its full name in each language; a foreign body's own name first where it helps: Förvaltningsrätten i Stockholm (tribunal administratif de Stockholm)."},
	{Name: "abbr", Type: TypeByLanguage, Doc: "A short name in each language (CNIL, ICO); left out when it has none."},
	{Name: "country", Type: TypeCountry, Required: true, Doc: "The ISO 3166 code of its country, or of its province or state (CA-BC)."},
	{Name: "url", Type: TypeURL, Doc: "Its web site."},
}

func oneOf(values []string) string { return "one of: " + strings.Join(values, ", ") }

// names lists the fields' names for a message: "url, title and primary".
func names(schema []Field) string {
	ns := fieldNames(schema)
	if len(ns) < 2 {
		return strings.Join(ns, "")
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

func fieldNames(schema []Field) []string {
	ns := make([]string, len(schema))
	for i, f := range schema {
		ns[i] = f.Name
	}
	return ns
}

func perLang(schema []Field) []Field {
	return slices.DeleteFunc(slices.Clone(schema), func(f Field) bool { return !f.PerLang })
}

// Format is how a value of a type is written: the pattern a value has
// (the readers check more: a country must also exist), and the one
// sentence that says what is expected, in the readers' messages, the
// guide, gen new's scaffold and the CMS's form alike.
type Format struct{ Pattern, Expected string }

// Formats are the value formats of the schema's types.
var Formats = map[Type]Format{
	TypeDate:      {`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`, "a date: YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2022-10-17"},
	TypeDay:       {`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, "a day: YYYY-MM-DD, e.g. 2022-10-17"},
	TypeCountry:   {`^[A-Z]{2}(-[A-Z0-9]{1,3})?$`, "an ISO 3166 code in capitals: FR, GB (not UK), US, or a subdivision such as US-VT"},
	TypeCurrency:  {`^[A-Z]{3}$`, "an ISO 4217 code in capitals: EUR, GBP, USD …"},
	TypeURL:       {`^https?://[^\s"<>]+$`, "an address starting with https:// or http://, without spaces"},
	TypeSlug:      {`^[a-z0-9]+(-[a-z0-9]+)*$`, "lowercase letters, digits and hyphens"},
	TypeLanguage:  {`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`, "a language code: fr, en, it, el, nl, de …"},
	TypeInt:       {`^[0-9]+$`, "a whole number in plain digits, e.g. 20000000 (no spaces, signs, decimals or currency)"},
	TypeProvision: {`^[a-z0-9]+(-[a-z0-9]+)*:` + numberPattern + `$`, "a provision of " + LawsFile + ", written law:number, e.g. gdpr:6(1) or app:3.3"},
}

// The patterns the readers match whole values against.
var (
	dateRE      = regexp.MustCompile(Formats[TypeDate].Pattern)
	idRE        = regexp.MustCompile(Formats[TypeSlug].Pattern)
	currencyRE  = regexp.MustCompile(Formats[TypeCurrency].Pattern)
	langRE      = regexp.MustCompile(Formats[TypeLanguage].Pattern)
	provisionRE = regexp.MustCompile(Formats[TypeProvision].Pattern)
)

// expected is what a value of f is expected to be, for its errors.
func (f *Field) expected() string {
	switch {
	case f.Expected != "":
		return f.Expected
	case f.Values != nil:
		return oneOf(f.Values)
	}
	return Formats[f.Type].Expected
}
