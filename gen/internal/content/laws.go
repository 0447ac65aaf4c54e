package content

import (
	"cmp"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// LawsFile is the table of the laws and provisions that events' findings
// cite. It is optional: a site without it cites none.
const LawsFile = "content/data/laws.yaml"

// Law is a law or regulation of LawsFile, with the provisions that the
// content cites.
type Law struct {
	Key string
	// Name is the law's name per language, Short its short name (RGPD,
	// GDPR), Cite how a provision of it is cited, {n} standing for the
	// number: "art. {n} RGPD".
	Name, Short, Cite map[string]string
	// URL is the official text, per language.
	URL map[string]string
	// Countries are where it applies: ISO 3166 codes, a country covering
	// its subdivisions.
	Countries  []string
	Provisions []*Provision // in the file's order
}

// Provision is one provision of a law, cited by its key, "LAW:NUMBER"
// (gdpr:5(1)(a), app:3.3).
type Provision struct {
	Key, Law string
	// Number is the number as the law writes it; Numbers, when given, as
	// each language writes it ("5, § 1, a)").
	Number  string
	Numbers map[string]string
	Title   map[string]string
	// URL is its own place in the official text, per language, or nil.
	URL map[string]string
	// Within is the key of the provision it is part of (gdpr:5 for
	// gdpr:5(1)(a)), or "" for an article of its own.
	Within string
}

// Article is the key of the article p is part of: its own, or Within's.
func (p *Provision) Article() string { return cmp.Or(p.Within, p.Key) }

// Applies reports whether the law applies in country (FR, CA-BC): a
// country covers its subdivisions, and a country's decision may apply
// the law of one of them (a joint federal and provincial investigation).
func (l *Law) Applies(country string) bool {
	return slices.ContainsFunc(l.Countries, func(c string) bool {
		return c == country || strings.HasPrefix(country, c+"-") || strings.HasPrefix(c, country+"-")
	})
}

// LawSchema is one entry of LawsFile, under its key (gdpr, app, bipa).
var LawSchema = []Field{
	{Name: "name", Type: TypeByLanguage, Required: true, Expected: "the law's name per language",
		Doc: "Its full name in each language: Règlement général sur la protection des données (RGPD)."},
	{Name: "short", Type: TypeByLanguage, Required: true, Expected: "a short name per language, e.g. {fr: RGPD, en: GDPR}",
		Doc: "The short name the tables and facets show: RGPD, GDPR, LPRPDE, PIPEDA."},
	{Name: "cite", Type: TypeByLanguage, Required: true, Expected: `how a provision is cited, {n} for its number, e.g. {fr: "art. {n} RGPD", en: "GDPR Art. {n}"}`,
		Doc: "How a provision is cited in each language, {n} standing for its number."},
	{Name: "url", Type: TypeLinks, Required: true, Expected: "the address of the official text in each language",
		Doc: "The official text, in each language's version where there is one."},
	{Name: "countries", Type: TypeCountry, List: true, Required: true, Expected: "the ISO 3166 codes of the countries where it applies, e.g. [FR, IT]",
		Doc: "Where it applies: an event of another country citing it gets a warning."},
	{Name: "provisions", Type: TypeProvisions, Fields: ProvisionSchema, Required: true,
		Expected: "the provisions the events cite, each under its number as the law writes it: \"6(1)\":",
		Doc:      "Each provision the events cite, under its number as the law writes it (\"5(1)(a)\", \"3.3\", \"15(b)\")."},
}

// ProvisionSchema is one provision of a law, under its number.
var ProvisionSchema = []Field{
	{Name: "title", Type: TypeByLanguage, Required: true, Expected: "its short title per language",
		Doc: "Its short title in each language, as the law's official versions give it."},
	{Name: "number", Type: TypeByLanguage, Doc: "Its number as each language writes it, when not as the key: {fr: \"5, § 1, a)\", en: \"5(1)(a)\"}."},
	{Name: "url", Type: TypeLinks, Doc: "Its own place in the official text, in each language, where the text has anchors."},
	{Name: "within", Type: TypeText, Doc: "The number of the article it is part of: \"5\" for \"5(1)(a)\". The comparison counts it with that article."},
}

// numberRE is a provision's number as a law writes it: digits, letters,
// dots and parentheses (5(1)(a), 3.3, 15(b), 2:12).
var numberRE = regexp.MustCompile(`^` + numberPattern + `$`)

const numberPattern = `[0-9A-Za-z]+([.:()][0-9A-Za-z]*\)?)*`

// parseLaws reads LawsFile into c.Laws and c.Provisions.
func (c *Content) parseLaws(fsys fs.FS) Diagnostics {
	f := &file{path: LawsFile, langs: c.Site.Languages}
	c.Laws, c.Provisions = map[string]*Law{}, map[string]*Provision{}
	f.entries(f.mapping(f.doc(fsys, "the laws", true), "not a list of laws"), "", idRE, "lowercase ascii letters, digits and hyphens, e.g. gdpr", "%q is not a valid key",
		LawSchema, "a law", func(key string, v values) {
			l := &Law{Key: key, Name: get[map[string]string](v, "name"), Short: get[map[string]string](v, "short"),
				Cite: get[map[string]string](v, "cite"), URL: get[map[string]string](v, "url"),
				Countries: get[[]string](v, "countries"), Provisions: get[[]*Provision](v, "provisions")}
			for _, p := range l.Provisions {
				p.Law, p.Key = key, key+":"+p.Number
				if p.Within != "" {
					p.Within = key + ":" + p.Within
				}
				c.Provisions[p.Key] = p
			}
			c.Laws[key] = l
		})
	return f.diags
}

// provisions reads a law's provisions by number; the one a provision is
// within must be an article of the law, within none.
func (f *file) provisions(n *yaml.Node, name string) ([]*Provision, bool) {
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		f.errorf(n, name, `one provision per number, e.g. "6(1)": {title: …}`, "%s is not a list of provisions", describe(n))
		return nil, false
	}
	var out []*Provision
	articles := map[string]bool{}
	within := map[*Provision]*yaml.Node{}
	f.entries(n, name+".", numberRE, "the number as the law writes it: digits and letters, with dots or parentheses, e.g. 5(1)(a) or 3.3", "%q is not a provision's number",
		ProvisionSchema, "a provision", func(number string, v values) {
			p := &Provision{Number: number, Numbers: get[map[string]string](v, "number"), Title: get[map[string]string](v, "title"),
				URL: get[map[string]string](v, "url"), Within: get[string](v, "within")}
			if p.Within == "" {
				articles[p.Number] = true
			} else {
				within[p] = v["within"].node
			}
			out = append(out, p)
		})
	for _, p := range out {
		if n := within[p]; n != nil && !articles[p.Within] {
			f.errorf(n, name+"."+p.Number+".within", "the number of an article of this law written without within:", "%q is not an article of the law", p.Within)
			p.Within = ""
		}
	}
	return out, true
}
