package format

import (
	"testing"

	"timeline/gen/internal/content"

	"golang.org/x/text/language"
)

func locales() (fr, en *Locale) {
	fr = NewLocale(language.French)
	fr.Months = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	fr.MoneyPattern, fr.FirstDay = "{n} {s}", "1er"
	fr.Qualifiers = map[string]string{"about": "environ {}"}
	en = NewLocale(language.English)
	en.Months = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	return fr, en
}

func TestMoney(t *testing.T) {
	fr, en := locales()
	for _, tt := range []struct {
		m      content.Money
		fr, en string
	}{
		{content.Money{Value: 20000000, Currency: "EUR"}, "20\u00a0000\u00a0000 €", "€20,000,000"},
		{content.Money{Value: 7552800, Currency: "GBP"}, "7\u00a0552\u00a0800 £GB", "£7,552,800"},
		{content.Money{Value: 51750000, Currency: "USD", Qualifier: "about"}, "environ 51\u00a0750\u00a0000 $US", "$51,750,000"},
		{content.Money{Value: 2500000, Currency: "SEK"}, "2\u00a0500\u00a0000 SEK", "SEK\u00a02,500,000"},
	} {
		if got := fr.Money(tt.m); got != tt.fr {
			t.Errorf("fr %v = %q, want %q", tt.m, got, tt.fr)
		}
		if got := en.Money(tt.m); got != tt.en {
			t.Errorf("en %v = %q, want %q", tt.m, got, tt.en)
		}
	}
}

func TestDate(t *testing.T) {
	fr, en := locales()
	for _, tt := range []struct{ in, fr, en string }{
		{"2022-10-17", "17 octobre 2022", "17 October 2022"},
		{"2023-05-01", "1er mai 2023", "1 May 2023"},
		{"2020-09", "septembre 2020", "September 2020"},
		{"2021", "2021", "2021"},
	} {
		d, err := content.ParseDate(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := fr.Date(d); got != tt.fr {
			t.Errorf("fr %s = %q, want %q", tt.in, got, tt.fr)
		}
		if got := en.Date(d); got != tt.en {
			t.Errorf("en %s = %q, want %q", tt.in, got, tt.en)
		}
	}
}
