package content

import "regexp"

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

// expected is what a value of f is expected to be, for its errors: its
// own words, else its values, else its type's format.
func (f *Field) expected() string {
	switch {
	case f.Expected != "":
		return f.Expected
	case f.Values != nil:
		return oneOf(f.Values)
	}
	return Formats[f.Type].Expected
}
