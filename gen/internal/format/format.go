// Package format writes numbers, amounts of money and dates in the
// conventions of each of the site's languages: 20 000 000 € and
// 17 octobre 2022 in French, €20,000,000 and 17 October 2022 in English.
//
// Digits and their grouping come from golang.org/x/text (CLDR data), and
// so do currency symbols. CLDR's placement of the symbol and its month
// names are not exposed by x/text, so a Locale carries them, read from
// the language's strings in layouts/i18n.
package format

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"timeline/gen/internal/content"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Locale formats for one language. It is safe for concurrent use.
type Locale struct {
	Tag          language.Tag
	Months       [12]string // the month names, January first
	MoneyPattern string     // places the number {n} and the symbol {s}: "{n} {s}" in French, "{s}{n}" in English
	// DayPattern, MonthPattern and YearPattern place the day {d}, the
	// month name {m} and the year {y}, for each precision of a date.
	DayPattern, MonthPattern, YearPattern string
	// FirstDay writes the first day of a month where the language has a
	// word for it ("1er" in French).
	FirstDay   string
	Qualifiers map[string]string // the words of an amount's qualifier: about, at-least, at-most

	printer *message.Printer
}

// NewLocale prepares a Locale for tag; the other fields are set by the
// caller from the language's strings.
func NewLocale(tag language.Tag) *Locale {
	return &Locale{Tag: tag, printer: message.NewPrinter(tag),
		MoneyPattern: "{s}{n}", DayPattern: "{d} {m} {y}", MonthPattern: "{m} {y}", YearPattern: "{y}"}
}

// Number writes n with the language's digit grouping.
func (l *Locale) Number(n int64) string {
	return l.printer.Sprint(number.Decimal(n))
}

// Symbol is the currency's symbol in this language (€, £, US$; $US in French).
func (l *Locale) Symbol(code string) string {
	u, err := currency.ParseISO(code)
	if err != nil {
		return code
	}
	return l.printer.Sprint(currency.Symbol(u))
}

// Money writes an amount in its own currency, with its qualifier.
func (l *Locale) Money(m content.Money) string {
	sym := l.Symbol(m.Currency)
	pattern := l.MoneyPattern
	// CLDR's currency spacing: a symbol that ends in a letter (SEK, CA$
	// does not) is kept apart from the digits by a no-break space.
	if r, _ := utf8.DecodeLastRuneInString(sym); unicode.IsLetter(r) {
		pattern = strings.Replace(pattern, "{s}{n}", "{s}\u00a0{n}", 1)
	}
	s := strings.NewReplacer("{n}", l.Number(m.Value), "{s}", sym).Replace(pattern)
	if q := l.Qualifiers[m.Qualifier]; q != "" && m.Qualifier != "exact" {
		s = strings.Replace(q, "{}", s, 1)
	}
	return s
}

// Date writes a date at its precision: 17 octobre 2022, octobre 2022, 2022.
func (l *Locale) Date(d content.Date) string {
	pattern := map[content.Precision]string{content.Day: l.DayPattern, content.Month: l.MonthPattern,
		content.Year: l.YearPattern}[d.Prec]
	if pattern == "" {
		return "" // no date, or nothing to write
	}
	day := l.printer.Sprint(d.D)
	if d.D == 1 && l.FirstDay != "" {
		day = l.FirstDay
	}
	month := ""
	if d.M >= 1 && d.M <= 12 {
		month = l.Months[d.M-1]
	}
	year := l.printer.Sprint(number.Decimal(d.Y, number.NoSeparator())) // 2022, not 2 022
	return strings.NewReplacer("{d}", day, "{m}", month, "{y}", year).Replace(pattern)
}
