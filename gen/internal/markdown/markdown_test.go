package markdown

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func resolve(name string) (string, bool) {
	switch name {
	case "2022-10-17-cnil-sanction":
		return "/evenements/2022-10-17-cnil-sanction/", true
	case "glossary":
		return "/glossaire/", true
	}
	return "", false
}

func TestRender(t *testing.T) {
	r := New([]string{"fr", "en"})
	tests := []struct {
		lang, in, want string
	}{
		{"fr", "Une amende : 20 000 000 euros ; vraiment ? Oui !", "<p>Une amende\u00a0: 20\u202f000\u202f000 euros\u202f; vraiment\u202f? Oui\u202f!</p>\n"},
		{"fr", `Le « maximum » et "le plafond"`, "<p>Le «\u202fmaximum\u202f» et «\u202fle plafond\u202f»</p>\n"},
		{"fr", "L'astreinte *court* !", "<p>L’astreinte <em>court</em>\u202f!</p>\n"},
		{"en", `The "maximum": 20,000,000 euros; really?`, "<p>The “maximum”: 20,000,000 euros; really?</p>\n"},
		{"fr", "Voir la [sanction](2022-10-17-cnil-sanction.md) et l'[astreinte](glossary.md#astreinte).",
			"<p>Voir la <a href=\"/evenements/2022-10-17-cnil-sanction/\">sanction</a> et l’<a href=\"/glossaire/#astreinte\">astreinte</a>.</p>\n"},
		{"fr", "## Délibération de la formation restreinte", "<h2 id=\"deliberation-de-la-formation-restreinte\">Délibération de la formation restreinte</h2>\n"},
		{"en", "## Article 3(2) {#art-3-2}", "<h2 id=\"art-3-2\">Article 3(2)</h2>\n"},
		{"en", "{{ .Site.Title }} stays text", "<p>{{ .Site.Title }} stays text</p>\n"},
		{"fr", "Code : `a ; b`", "<p>Code\u00a0: <code>a ; b</code></p>\n"},
	}
	for _, tt := range tests {
		res := r.Render(tt.lang, []byte(tt.in), resolve)
		if len(res.Problems) > 0 {
			t.Errorf("%q: problems %v", tt.in, res.Problems)
		}
		if got := string(res.HTML); got != tt.want {
			t.Errorf("Render(%s, %q)\n got %q\nwant %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestProblems(t *testing.T) {
	r := New([]string{"fr", "en"})
	tests := []struct {
		in   string
		want string // the problem's text, and its offset
	}{
		{"a <script>alert(1)</script> b", "raw HTML <script>@2"},
		{"<div>x</div>", "raw HTML@0"},
		{"[x](javascript:alert(1))", `link to "javascript:alert(1)"@0`},
		{"[x](data:text/html,hi)", `link to "data:text/html,hi"@0`},
		{"[x](file:///etc/passwd)", `link to "file:///etc/passwd"@0`},
		{"[x](missing.md)", `link to "missing.md"@0`},
		{"[x](page.html)", `link to "page.html"@0`},
		{"![x](https://example.com/x.png)", `link to "https://example.com/x.png"@1`},
	}
	for _, tt := range tests {
		res := r.Render("fr", []byte(tt.in), resolve)
		if len(res.Problems) == 0 {
			t.Errorf("%q: no problem", tt.in)
			continue
		}
		p := res.Problems[0]
		if got := p.Problem + "@" + strconv.Itoa(p.Offset); got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.in, got, tt.want)
		}
		if strings.Contains(string(res.HTML), "javascript:") || strings.Contains(string(res.HTML), "<script") {
			t.Errorf("%q: unsafe output %s", tt.in, res.HTML)
		}
	}
}

func TestRefs(t *testing.T) {
	r := New([]string{"fr"})
	res := r.Render("fr", []byte("Voir [ici](glossary.md#astreinte)."), resolve)
	if len(res.Refs) != 1 || res.Refs[0].Name != "glossary" || res.Refs[0].Fragment != "astreinte" {
		t.Errorf("refs = %+v", res.Refs)
	}
}

func TestFrench(t *testing.T) {
	for in, want := range map[string]string{
		"Sanction : 20 000 000 €":  "Sanction\u00a0: 20\u202f000\u202f000 €",
		"« Non ! »":                "«\u202fNon\u202f!\u202f»",
		"l'ICO":                    "l’ICO",
		"déjà\u202f; rien":         "déjà\u202f; rien",
		"en 2022":                  "en 2022",
		"100 000 euros par jour ?": "100\u202f000 euros par jour\u202f?",
	} {
		if got := French(in); got != want {
			t.Errorf("French(%q) = %q, want %q", in, got, want)
		}
		if got := frenchRules(in); got != want {
			t.Errorf("frenchRules(%q) = %q, want %q", in, got, want)
		}
	}
}

// frenchRules is French written as the rules read, one regular expression
// each, applied in turn: the reference French's single pass must match.
func frenchRules(s string) string {
	spaceBefore := regexp.MustCompile(`[ \x{00a0}\x{202f}]+([;!?»:])`)
	spaceAfter := regexp.MustCompile(`(«)[ \x{00a0}\x{202f}]+`)
	digitGroups := regexp.MustCompile(`(\d) (\d{3})\b`)
	s = spaceBefore.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasSuffix(m, ":") {
			return nbsp + ":"
		}
		if strings.HasSuffix(m, "»") {
			return nnbsp + "»"
		}
		return nnbsp + m[len(m)-1:]
	})
	s = spaceAfter.ReplaceAllString(s, "«"+nnbsp)
	s = strings.ReplaceAll(s, "'", "’")
	for digitGroups.MatchString(s) { // until no group is left: 1 000 000
		s = digitGroups.ReplaceAllString(s, "$1"+nnbsp+"$2")
	}
	return s
}

// FuzzFrench: the single pass gives what the rules give, on any text.
func FuzzFrench(f *testing.F) {
	for _, s := range []string{"Sanction : 20 000 000 €", "« Non ! »", "l'ICO", "1 2 345 678_9", "«  \u00a0»  ;",
		"a \u202f\u00a0: b", "5 000:", "12 345é 6 789a", "« ; »", "x !! ?", "1 000\u00a0000", "9 999 99 999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want, got := frenchRules(s), French(s); got != want {
			t.Errorf("French(%q) = %q, the rules give %q", s, got, want)
		}
	})
}

func TestEnglish(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"no quotes", "no quotes"},
		{"Acme's appeal", "Acme’s appeal"},
		{"the commissioners' findings", "the commissioners’ findings"},
		{`a "publicly available" exception`, "a “publicly available” exception"},
		{`"Quoted" at the start`, "“Quoted” at the start"},
		{"a 'single' quote", "a ‘single’ quote"},
		{`("within the province")`, "(“within the province”)"},
		{"Commission d'accès à l'information", "Commission d’accès à l’information"},
		{"l'«\u202fastreinte\u202f»", "l’«\u202fastreinte\u202f»"},
	} {
		if got := English(c.in); got != c.want {
			t.Errorf("English(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

// FuzzEnglish holds English to what it promises for any text: no
// typewriter quote is left, and nothing but the quotes changes.
func FuzzEnglish(f *testing.F) {
	for _, s := range []string{"Acme's \"appeal\"", "'a' \"b\"", "l'«\u202fx\u202f»", "\xff'\"", ""} {
		f.Add(s)
	}
	straight := strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`)
	f.Fuzz(func(t *testing.T, s string) {
		got := English(s)
		if strings.ContainsAny(got, `'"`) {
			t.Errorf("English(%q) = %q: a typewriter quote is left", s, got)
		}
		if straight.Replace(got) != straight.Replace(s) {
			t.Errorf("English(%q) = %q: more than the quotes changed", s, got)
		}
	})
}
