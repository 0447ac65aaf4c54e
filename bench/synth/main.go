// Command synth writes the benchmark's input: N synthetic events, the same
// in three forms, so that the site's generator, Hugo, Eleventy and the
// floor program (bench/floor) build the same pages from the same Markdown.
//
//	go run ./bench/synth -n 1000 -out DIR        # synthetic events
//	go run ./bench/synth -from-real . -out DIR   # the real events, for the floor
//
// With -n it writes
//
//	DIR/ours/       content/events/ID.md (facts, French text) and ID.en.md
//	                (English text), content/data/{site,authorities}.yaml copied
//	                from the project, and copies of layouts/ and static/:
//	                go run ./gen build -root DIR/ours -out DIR/out-ours builds it.
//	DIR/hugo/       a bilingual Hugo site: config.toml, content/events/ID.md
//	                (French) and ID.en.md (English), two layouts. The floor
//	                program reads the same content/events folder.
//	DIR/eleventy/   an Eleventy site: events/ID.md (French), en/events/ID.md
//	                (English), two layouts, two index pages and a config.
//
// Every tool gets both languages (2N event pages and two indexes): the
// site's generator always builds both, so the others do the same work.
// Bodies are 2–4 KB of Markdown (headings, lists, links, emphasis, a
// blockquote), French in ID.md and English in ID.en.md, drawn from a
// seeded generator: the same -n and -seed give the same bytes.
//
// With -from-real ROOT it converts ROOT/content/events/*.md into the floor's
// input, DIR/real/content/events/ID.md and ID.en.md (title, date, summary
// and the body as written), so that the floor renders the real events.
//
// It uses the standard library only: the data files are read line by line.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 1000, "number of events")
	out := flag.String("out", "", "output folder (required)")
	root := flag.String("root", ".", "the project folder, holding content/data, layouts/ and static/")
	seed := flag.Uint64("seed", 20221017, "seed of the text generator")
	fromReal := flag.String("from-real", "", "convert ROOT/content/events/*.md into the floor's input in OUT/real instead")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: synth -n N -out DIR [-root .] [-seed S] | synth -from-real ROOT -out DIR")
		os.Exit(2)
	}
	var err error
	if *fromReal != "" {
		err = convertReal(*fromReal, *out)
	} else {
		err = synth(*n, *seed, *root, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

// authority is an entry of content/data/authorities.yaml.
type authority struct {
	key, country, abbr string
}

// readAuthorities reads the keys and countries of authorities.yaml: the
// top-level keys, and the "  country:" and "  abbr:" lines under each.
func readAuthorities(path string) ([]authority, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []authority
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] != ' ' && strings.HasSuffix(strings.TrimSpace(line), ":") {
			out = append(out, authority{key: strings.TrimSuffix(strings.TrimSpace(line), ":")})
			continue
		}
		if len(out) == 0 {
			continue
		}
		a := &out[len(out)-1]
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "country:"):
			a.country = strings.TrimSpace(strings.TrimPrefix(t, "country:"))
		case strings.HasPrefix(t, "abbr:"):
			// abbr: {fr: CNIL, en: CNIL}: keep the English one.
			if i := strings.Index(t, "en:"); i >= 0 {
				a.abbr = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t[i+3:]), "}"))
			}
		}
	}
	var kept []authority
	for _, a := range out {
		if a.country == "" {
			continue
		}
		if a.abbr == "" {
			a.abbr = strings.ToUpper(a.key)
		}
		kept = append(kept, a)
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("%s: no authority with a country found", path)
	}
	return kept, nil
}

var currencies = map[string]string{
	"FR": "EUR", "IT": "EUR", "GR": "EUR", "NL": "EUR", "AT": "EUR", "DE": "EUR",
	"GB": "GBP", "SE": "SEK", "CA": "CAD", "AU": "AUD", "US": "USD",
}

func currencyOf(country string) string {
	if c, ok := currencies[country[:2]]; ok {
		return c
	}
	return "EUR"
}

// event is one synthetic event, in both languages.
type event struct {
	id, date, published    string
	country, auth, abbr    string
	kind, status, confirm  string
	reference              string
	amount                 int64
	currency               string
	related                []string
	num                    int
	titleFR, titleEN       string
	summaryFR, summaryEN   string
	caveatFR, caveatEN     string
	bodyFR, bodyEN         string
	srcURL, newsURL        string
	newsPublisher, srcLang string
}

// Case templates: the kinds of the successive steps of one case.
var cases = [][]string{
	{"complaint"},
	{"notice", "fine"},
	{"notice", "fine", "penalty"},
	{"findings", "order", "appeal", "ruling"},
	{"complaint", "findings"},
	{"lawsuit", "ruling", "appeal"},
	{"lawsuit", "settlement"},
	{"order", "appeal"},
}

var statusFor = map[string]string{
	"complaint": "closed", "lawsuit": "pending", "findings": "final", "notice": "closed",
	"order": "in-force", "fine": "final", "penalty": "in-force", "ruling": "appealed",
	"appeal": "dismissed", "settlement": "final",
}

var publishers = []string{"Reuters", "Le Monde", "The Guardian", "Next INpact", "Techzine", "Politico Europe", "Euractiv", "TechCrunch"}

func synth(n int, seed uint64, root, out string) error {
	auths, err := readAuthorities(filepath.Join(root, "content/data/authorities.yaml"))
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	events := make([]*event, 0, n)
	for len(events) < n {
		tmpl := cases[rng.IntN(len(cases))]
		for len(tmpl) > n-len(events) { // a whole case, so that every notice and fine has a related step
			tmpl = cases[rng.IntN(len(cases))]
		}
		a := auths[rng.IntN(len(auths))]
		day := base.AddDate(0, 0, rng.IntN(365*10))
		var prev *event
		for _, kind := range tmpl {
			i := len(events)
			e := &event{
				num: i, kind: kind, country: a.country, auth: a.key, abbr: a.abbr,
				status: statusFor[kind], currency: currencyOf(a.country),
			}
			e.date = day.Format("2006-01-02")
			e.published = day.AddDate(0, 0, rng.IntN(8)).Format("2006-01-02")
			e.id = fmt.Sprintf("%s-synthetic-%06d", e.date, i)
			e.reference = fmt.Sprintf("SYN-%d-%06d", day.Year(), i)
			e.confirm = []string{"decision-text", "decision-text", "authority-summary", "press", "press", "unconfirmed"}[rng.IntN(6)]
			switch kind {
			case "fine", "settlement":
				e.amount = int64(1+rng.IntN(400)) * 50000
			case "penalty":
				e.amount = int64(1+rng.IntN(60)) * 100000
			}
			if prev != nil {
				e.related = []string{prev.id}
			}
			e.srcURL = fmt.Sprintf("https://example.org/%s/decisions/%s", a.key, strings.ToLower(e.reference))
			e.newsPublisher = publishers[rng.IntN(len(publishers))]
			e.newsURL = fmt.Sprintf("https://example.com/news/%d/clearview-%06d", day.Year(), i)
			e.srcLang = "en"
			if a.country[:2] == "FR" || strings.HasPrefix(a.country, "CA-QC") {
				e.srcLang = "fr"
			}
			texts(rng, e, prev)
			events = append(events, e)
			prev = e
			day = day.AddDate(0, 0, 20+rng.IntN(200))
		}
	}
	if err := writeOurs(root, filepath.Join(out, "ours"), events); err != nil {
		return err
	}
	if err := writeHugo(filepath.Join(out, "hugo"), events); err != nil {
		return err
	}
	return writeEleventy(filepath.Join(out, "eleventy"), events)
}

// ---- text -------------------------------------------------------------

// A pair is the same sentence in French and English; {A} is the
// authority's abbreviation, {M} the amount, {R} the reference, {D} the
// date, {C} the country, {N} the event's number.
type pair [2]string

// kindWords are each kind's noun, and with an article (kindArticles).
var kindWords = map[string]pair{
	"complaint":  {"plainte", "complaint"},
	"lawsuit":    {"action en justice", "lawsuit"},
	"findings":   {"constatations", "findings"},
	"notice":     {"mise en demeure", "formal notice"},
	"order":      {"injonction", "order"},
	"fine":       {"amende", "fine"},
	"penalty":    {"astreinte", "periodic penalty"},
	"ruling":     {"décision de justice", "court ruling"},
	"appeal":     {"recours", "appeal"},
	"settlement": {"transaction", "settlement"},
}

var kindArticles = map[string]pair{
	"complaint":  {"une plainte", "a complaint"},
	"lawsuit":    {"une action en justice", "a lawsuit"},
	"findings":   {"des constatations", "findings"},
	"notice":     {"une mise en demeure", "a formal notice"},
	"order":      {"une injonction", "an order"},
	"fine":       {"une amende", "a fine"},
	"penalty":    {"une astreinte", "a periodic penalty"},
	"ruling":     {"une décision de justice", "a court ruling"},
	"appeal":     {"un recours", "an appeal"},
	"settlement": {"une transaction", "a settlement"},
}

var intros = []pair{
	{"Le {D}, {A} rend sa décision {R} à l'encontre de Clearview AI, au terme d'une procédure ouverte plusieurs mois plus tôt.",
		"On {D}, {A} issued decision {R} against Clearview AI, at the end of a procedure opened several months earlier."},
	{"La décision, datée du {D}, a été rendue publique quelques jours plus tard sur le site de l'autorité.",
		"The decision, dated {D}, was made public a few days later on the authority's website."},
	{"Clearview AI n'a pas présenté d'observations écrites dans le délai qui lui était imparti.",
		"Clearview AI did not file written observations within the time it was given."},
	{"L'affaire porte sur la collecte massive de photographies publiées en ligne et sur la création de gabarits biométriques.",
		"The case concerns the mass collection of photographs published online and the creation of biometric templates."},
	{"Les plaignants avaient demandé en vain l'accès aux images les concernant et leur effacement.",
		"The complainants had asked, to no avail, for access to the images of them and for their erasure."},
	{"Le dossier synthétique n° {N} reprend la structure des décisions réelles, sans en reproduire le texte.",
		"Synthetic file no. {N} follows the structure of real decisions without reproducing their text."},
}

var contexts = []pair{
	{"Clearview AI, société établie aux États-Unis, affirme détenir plusieurs dizaines de milliards d'images extraites de sites publics et de réseaux sociaux.",
		"Clearview AI, a company based in the United States, claims to hold tens of billions of images taken from public websites and social networks."},
	{"Son moteur de recherche permet, à partir d'une photographie, de retrouver d'autres images de la même personne et les pages où elles figurent.",
		"Its search engine lets a user find, from one photograph, other images of the same person and the pages on which they appear."},
	{"L'autorité a été saisie de plusieurs plaintes à partir de 2020, puis a adressé un questionnaire à la société, resté en partie sans réponse.",
		"The authority received several complaints from 2020 onwards, then sent the company a questionnaire that was answered only in part."},
	{"La société soutient que le règlement ne lui est pas applicable, faute d'établissement et de clients dans le pays ({C}).",
		"The company argues that the regulation does not apply to it, since it has neither an establishment nor customers in the country ({C})."},
	{"L'autorité répond que le suivi du comportement des personnes suffit à rendre le droit applicable, où que soit établi le responsable du traitement.",
		"The authority answers that monitoring people's behaviour is enough for the law to apply, wherever the controller is established."},
	{"Plusieurs autorités européennes ont déjà statué sur des faits comparables, et la décision s'inscrit dans cette série.",
		"Several European authorities had already ruled on comparable facts, and the decision is part of that series."},
	{"Les images en cause ne sont pas seulement collectées : elles sont transformées en empreintes numériques du visage, conservées sans limite de durée.",
		"The images at issue are not only collected: they are turned into digital prints of the face, kept with no time limit."},
	{"Aucune des personnes concernées n'a été informée de la collecte, et aucune n'a donné son consentement.",
		"None of the people concerned was told of the collection, and none gave consent."},
	{"Le rapporteur a entendu les services de l'autorité et examiné les réponses fournies par la société au cours de l'instruction.",
		"The rapporteur heard the authority's staff and examined the answers the company gave during the investigation."},
	{"La procédure a été conduite selon les règles de coopération entre autorités, chacune restant compétente pour les personnes de son territoire.",
		"The procedure followed the rules of cooperation between authorities, each remaining competent for the people on its territory."},
}

var breaches = []pair{
	{"l'absence de base légale pour le traitement (**article 6**)", "no legal basis for the processing (**Article 6**)"},
	{"le traitement de données biométriques sans exception applicable (**article 9**)", "processing of biometric data with no applicable exception (**Article 9**)"},
	{"le défaut d'information des personnes (**articles 12 à 14**)", "failure to inform the people concerned (**Articles 12 to 14**)"},
	{"le non-respect du droit d'accès (**article 15**)", "failure to respect the right of access (**Article 15**)"},
	{"le non-respect du droit à l'effacement (**article 17**)", "failure to respect the right to erasure (**Article 17**)"},
	{"l'absence de représentant dans l'Union (**article 27**)", "no representative in the Union (**Article 27**)"},
	{"le défaut de coopération avec l'autorité (**article 31**)", "failure to cooperate with the authority (**Article 31**)"},
	{"une durée de conservation illimitée (**article 5**)", "an unlimited retention period (**Article 5**)"},
}

var quotes = []pair{
	{"Les personnes concernées ne s'attendent pas raisonnablement à ce que leurs photographies soient traitées par la société pour alimenter un système de reconnaissance faciale.",
		"The people concerned do not reasonably expect their photographs to be processed by the company to feed a facial recognition system."},
	{"Le caractère public des images ne signifie pas qu'elles peuvent être réutilisées à n'importe quelle fin.",
		"That the images are public does not mean they may be reused for any purpose."},
	{"La gravité des manquements justifie le prononcé d'une sanction publique d'un montant élevé.",
		"The seriousness of the breaches justifies a public penalty of a high amount."},
	{"La société n'a pas répondu utilement aux demandes qui lui ont été adressées.",
		"The company did not usefully answer the requests sent to it."},
}

var steps = []pair{
	{"cesser la collecte et le traitement des données des personnes se trouvant sur le territoire", "stop collecting and processing the data of people on the territory"},
	{"supprimer les données déjà collectées dans un délai de deux mois", "delete the data already collected within two months"},
	{"répondre aux demandes d'accès et d'effacement en attente", "answer the pending access and erasure requests"},
	{"justifier auprès de l'autorité du respect de ces obligations", "show the authority that these obligations have been met"},
	{"désigner un représentant dans l'Union européenne", "appoint a representative in the European Union"},
}

var followups = []pair{
	{"La décision peut faire l'objet d'un recours dans un délai de deux mois à compter de sa notification.",
		"The decision may be challenged within two months of its notification."},
	{"À la date de la dernière vérification, aucun paiement n'avait été annoncé par l'autorité.",
		"At the time of the last check, the authority had announced no payment."},
	{"La presse spécialisée a relevé que le recouvrement d'une sanction contre une société sans actifs dans le pays reste incertain.",
		"The specialist press noted that collecting a penalty from a company with no assets in the country remains uncertain."},
	{"L'autorité a indiqué qu'elle suivrait l'exécution de la décision et qu'elle pourrait engager une nouvelle procédure.",
		"The authority said it would monitor compliance with the decision and could open a new procedure."},
	{"Les associations à l'origine des plaintes ont salué la décision tout en soulignant les limites de son exécution.",
		"The organisations behind the complaints welcomed the decision while stressing the limits of its enforcement."},
	{"Un communiqué de Clearview AI conteste la compétence de l'autorité et annonce que la société étudie les voies de recours.",
		"A statement from Clearview AI disputes the authority's competence and says the company is considering an appeal."},
}

var monthsFR = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

func group(v int64, sep string) string {
	s := strconv.FormatInt(v, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// texts fills in the titles, summaries, caveats and bodies of e.
func texts(rng *rand.Rand, e *event, prev *event) {
	d, _ := time.Parse("2006-01-02", e.date)
	dateFR := fmt.Sprintf("%d %s %d", d.Day(), monthsFR[d.Month()-1], d.Year())
	if d.Day() == 1 {
		dateFR = fmt.Sprintf("1er %s %d", monthsFR[d.Month()-1], d.Year())
	}
	dateEN := d.Format("2 January 2006")
	amountFR, amountEN := "", ""
	if e.amount > 0 {
		amountFR = group(e.amount, " ") + " " + e.currency
		amountEN = e.currency + " " + group(e.amount, ",")
	}
	kw := kindWords[e.kind]
	fill := func(s string, lang int) string {
		date, amount := dateFR, amountFR
		if lang == 1 {
			date, amount = dateEN, amountEN
		}
		if amount == "" {
			amount = [2]string{"sans montant", "no amount"}[lang]
		}
		return strings.NewReplacer("{A}", e.abbr, "{M}", amount, "{R}", e.reference, "{D}", date,
			"{C}", e.country, "{N}", strconv.Itoa(e.num)).Replace(s)
	}
	e.titleFR = fmt.Sprintf("%s : %s visant Clearview AI (dossier synthétique n° %d)", e.abbr, kw[0], e.num)
	e.titleEN = fmt.Sprintf("%s: %s against Clearview AI (synthetic file no. %d)", e.abbr, kw[1], e.num)
	ka := kindArticles[e.kind]
	if e.amount > 0 {
		e.summaryFR = fill("Le {D} : "+ka[0]+" de {A} contre Clearview AI ({R}), d'un montant de {M}.", 0)
		e.summaryEN = fill("On {D}: "+ka[1]+" by {A} against Clearview AI ({R}), for {M}.", 1)
	} else {
		e.summaryFR = fill("Le {D} : "+ka[0]+" de {A} contre Clearview AI ({R}).", 0)
		e.summaryEN = fill("On {D}: "+ka[1]+" by {A} against Clearview AI ({R}).", 1)
	}
	if rng.IntN(3) == 0 {
		e.caveatFR = "La date de notification à la société n'a pas été retrouvée."
		e.caveatEN = "The date on which the company was notified was not found."
	}

	// The plan: the same choices for both languages.
	pick := func(pool []pair, k int) []int {
		idx := rng.Perm(len(pool))
		return idx[:min(k, len(pool))]
	}
	intro := pick(intros, 3)
	ctx := rng.Perm(len(contexts))
	ctx1, ctx2, extra := ctx[:3], ctx[3:5+rng.IntN(2)], ctx[6:6+rng.IntN(4)]
	br := pick(breaches, 3+rng.IntN(3))
	q := rng.IntN(len(quotes))
	st := pick(steps, 2+rng.IntN(3))
	fu := pick(followups, 2+rng.IntN(3))

	heads := [2][6]string{
		{"Contexte", "Les manquements retenus", "Ce que dit la décision", "La décision", "Suites", "Pour aller plus loin"},
		{"Background", "The breaches found", "What the decision says", "The decision", "What next", "Further reading"},
	}
	for lang := 0; lang < 2; lang++ {
		var b strings.Builder
		sentences := func(ix []int, pool []pair) string {
			var parts []string
			for _, i := range ix {
				parts = append(parts, fill(pool[i][lang], lang))
			}
			return strings.Join(parts, " ")
		}
		h := heads[lang]
		link := [2]string{"Voir le [texte de la décision]", "See the [text of the decision]"}[lang]
		sep := [2]string{" ;", ";"}[lang] // French puts a space before ; (the generator makes it a no-break one)
		b.WriteString(sentences(intro, intros))
		fmt.Fprintf(&b, " %s(%s).\n\n", link, e.srcURL)
		fmt.Fprintf(&b, "## %s\n\n%s\n\n%s\n\n", h[0], sentences(ctx1, contexts), sentences(ctx2, contexts))
		if len(extra) > 0 {
			fmt.Fprintf(&b, "%s\n\n", sentences(extra, contexts))
		}
		fmt.Fprintf(&b, "## %s\n\n", h[1])
		end := func(k, n int) string {
			if k == n-1 {
				return "."
			}
			return sep
		}
		for k, i := range br {
			fmt.Fprintf(&b, "- %s%s\n", breaches[i][lang], end(k, len(br)))
		}
		b.WriteString("\n")
		fmt.Fprintf(&b, "### %s\n\n> %s\n\n", h[2], quotes[q][lang])
		fmt.Fprintf(&b, "## %s\n\n", h[3])
		switch {
		case lang == 0 && e.amount > 0:
			fmt.Fprintf(&b, "%s prononce %s d'un montant de **%s** et enjoint à la société de :\n\n", e.abbr, emph(ka[0]), amountFR)
		case lang == 0:
			fmt.Fprintf(&b, "Par %s, %s enjoint à la société de :\n\n", emph(ka[0]), e.abbr)
		case e.amount > 0:
			fmt.Fprintf(&b, "%s issued %s of **%s** and ordered the company to:\n\n", e.abbr, emph(ka[1]), amountEN)
		default:
			fmt.Fprintf(&b, "In %s, %s ordered the company to:\n\n", emph(ka[1]), e.abbr)
		}
		for k, i := range st {
			fmt.Fprintf(&b, "%d. %s%s\n", k+1, steps[i][lang], end(k, len(st)))
		}
		b.WriteString("\n")
		fmt.Fprintf(&b, "## %s\n\n%s", h[4], sentences(fu, followups))
		if prev != nil {
			if lang == 0 {
				fmt.Fprintf(&b, " L'étape précédente de l'affaire est la [%s du %s](%s.md).", kindWords[prev.kind][0], prev.date, prev.id)
			} else {
				fmt.Fprintf(&b, " The previous step of the case is the [%s of %s](%s.md).", kindWords[prev.kind][1], prev.date, prev.id)
			}
		}
		b.WriteString("\n\n")
		if lang == 0 {
			fmt.Fprintf(&b, "### %s\n\n- le [communiqué de l'autorité (%s)](%s) ;\n- l'[article de %s](%s), publié le %s.\n", h[5], e.abbr, e.srcURL+"/communique", e.newsPublisher, e.newsURL, e.published)
		} else {
			fmt.Fprintf(&b, "### %s\n\n- the [statement by %s](%s);\n- the [article by %s](%s), published on %s.\n", h[5], e.abbr, e.srcURL+"/statement", e.newsPublisher, e.newsURL, e.published)
		}
		if lang == 0 {
			e.bodyFR = b.String()
		} else {
			e.bodyEN = b.String()
		}
	}
}

// emph puts the noun of "une amende" in italics: "une *amende*".
func emph(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 && (strings.HasPrefix(s, "un") || strings.HasPrefix(s, "a") || strings.HasPrefix(s, "des")) {
		return s[:i+1] + "*" + s[i+1:] + "*"
	}
	return "*" + s + "*"
}

// ---- writers ----------------------------------------------------------

// q quotes a string for YAML: Go's escapes are YAML's double-quoted ones.
func q(s string) string { return strconv.Quote(s) }

type writer struct {
	err  error
	dirs map[string]bool
}

func (w *writer) file(path string, data []byte) {
	if w.err != nil {
		return
	}
	dir := filepath.Dir(path)
	if w.dirs == nil {
		w.dirs = map[string]bool{}
	}
	if !w.dirs[dir] {
		if w.err = os.MkdirAll(dir, 0o755); w.err != nil {
			return
		}
		w.dirs[dir] = true
	}
	w.err = os.WriteFile(path, data, 0o644)
}

func (w *writer) str(path, s string) { w.file(path, []byte(s)) }

func writeOurs(root, dir string, events []*event) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	w := &writer{}
	for _, f := range []string{"content/data/site.yaml", "content/data/authorities.yaml"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return err
		}
		w.file(filepath.Join(dir, f), data)
	}
	for _, d := range []string{"layouts", "static"} {
		if err := copyTree(filepath.Join(root, d), filepath.Join(dir, d)); err != nil {
			return err
		}
	}
	ev := filepath.Join(dir, "content/events")
	var b strings.Builder
	for _, e := range events {
		b.Reset()
		fmt.Fprintf(&b, "---\ndate: %s\npublished: %s\ncountry: %s\nauthority: %s\nkind: %s\n", e.date, e.published, e.country, e.auth, e.kind)
		if e.amount > 0 {
			fmt.Fprintf(&b, "amount: {value: %d, currency: %s}\n", e.amount, e.currency)
		}
		fmt.Fprintf(&b, "reference: %s\nstatus: %s\nconfirmation: %s\n", e.reference, e.status, e.confirm)
		if len(e.related) > 0 {
			fmt.Fprintf(&b, "related: [%s]\n", strings.Join(e.related, ", "))
		}
		b.WriteString("sources:\n")
		fmt.Fprintf(&b, "  - {url: %s, title: %s, publisher: %s, language: %s, primary: true}\n",
			q(e.srcURL), q("Décision "+e.reference), q(e.abbr), e.srcLang)
		fmt.Fprintf(&b, "  - {url: %s, title: %s, publisher: %s, language: en, primary: false}\n",
			q(e.newsURL), q("Clearview AI: "+kindWords[e.kind][1]+" by "+e.abbr), q(e.newsPublisher))
		fmt.Fprintf(&b, "title: %s\nsummary: %s\n", q(e.titleFR), q(e.summaryFR))
		if e.caveatFR != "" {
			fmt.Fprintf(&b, "caveats:\n  - %s\n", q(e.caveatFR))
		}
		fmt.Fprintf(&b, "---\n%s", e.bodyFR)
		w.str(filepath.Join(ev, e.id+".md"), b.String())

		b.Reset()
		fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\n", q(e.titleEN), q(e.summaryEN))
		if e.caveatEN != "" {
			fmt.Fprintf(&b, "caveats:\n  - %s\n", q(e.caveatEN))
		}
		fmt.Fprintf(&b, "---\n%s", e.bodyEN)
		w.str(filepath.Join(ev, e.id+".en.md"), b.String())
	}
	return w.err
}

// simpleFront is the front matter the other tools get: flat key: value
// lines, which the floor program splits by hand.
func simpleFront(b *strings.Builder, e *event, lang int) {
	title, summary := e.titleFR, e.summaryFR
	if lang == 1 {
		title, summary = e.titleEN, e.summaryEN
	}
	fmt.Fprintf(b, "---\ntitle: %s\ndate: %s\nsummary: %s\ncountry: %s\nkind: %s\n", q(title), e.date, q(summary), e.country, e.kind)
	if e.amount > 0 {
		fmt.Fprintf(b, "amount: %d\ncurrency: %s\n", e.amount, e.currency)
	}
	b.WriteString("---\n")
}

const hugoConfig = `baseURL = "https://example.org/"
title = "Clearview AI bench"
defaultContentLanguage = "fr"
disableKinds = ["taxonomy", "term", "section", "RSS", "sitemap", "robotsTXT", "404"]

[languages.fr]
weight = 1
languageName = "Français"
title = "Clearview AI : la chronologie des sanctions"

[languages.en]
weight = 2
languageName = "English"
title = "Clearview AI: the enforcement timeline"
`

const hugoSingle = `<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ .Params.summary }}">
</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></header>
<main>
<article>
<h1>{{ .Title }}</h1>
<p class="facts"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time> · {{ .Params.country }} · {{ .Params.kind }}{{ with .Params.amount }} · {{ . }} {{ $.Params.currency }}{{ end }}</p>
<p class="summary">{{ .Params.summary }}</p>
{{ .Content }}
</article>
</main>
</body>
</html>
`

const hugoIndex = `<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Site.Title }}</title>
</head>
<body>
<main>
<h1>{{ .Site.Title }}</h1>
<ol class="timeline">
{{ range (where .Site.RegularPages "Section" "events").ByDate }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time><p>{{ .Params.summary }}</p></li>
{{ end }}</ol>
</main>
</body>
</html>
`

func writeHugo(dir string, events []*event) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	w := &writer{}
	w.str(filepath.Join(dir, "config.toml"), hugoConfig)
	w.str(filepath.Join(dir, "layouts/_default/single.html"), hugoSingle)
	w.str(filepath.Join(dir, "layouts/index.html"), hugoIndex)
	ev := filepath.Join(dir, "content/events")
	var b strings.Builder
	for _, e := range events {
		b.Reset()
		simpleFront(&b, e, 0)
		b.WriteString(e.bodyFR)
		w.str(filepath.Join(ev, e.id+".md"), b.String())
		b.Reset()
		simpleFront(&b, e, 1)
		b.WriteString(e.bodyEN)
		w.str(filepath.Join(ev, e.id+".en.md"), b.String())
	}
	return w.err
}

const eleventyConfig = `// Eleventy configuration for the benchmark (written by bench/synth).
export default function (eleventyConfig) {
  eleventyConfig.addFilter("day", (d) => d.toISOString().slice(0, 10));
  return {
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    dir: { input: ".", includes: "_includes" },
  };
}
`

const eleventyEvent = `<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · {{ siteTitle }}</title>
<meta name="description" content="{{ summary }}">
</head>
<body>
<header><a href="{{ home }}">{{ siteTitle }}</a></header>
<main>
<article>
<h1>{{ title }}</h1>
<p class="facts"><time datetime="{{ page.date | day }}">{{ page.date | day }}</time> · {{ country }} · {{ kind }}{% if amount %} · {{ amount }} {{ currency }}{% endif %}</p>
<p class="summary">{{ summary }}</p>
{{ content | safe }}
</article>
</main>
</body>
</html>
`

const eleventyIndex = `---
permalink: %s
eleventyExcludeFromCollections: true
lang: %s
siteTitle: %s
---
<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ siteTitle }}</title>
</head>
<body>
<main>
<h1>{{ siteTitle }}</h1>
<ol class="timeline">
{%% for e in collections.%s %%}<li><a href="{{ e.url }}">{{ e.data.title }}</a> <time datetime="{{ e.date | day }}">{{ e.date | day }}</time><p>{{ e.data.summary }}</p></li>
{%% endfor %%}</ol>
</main>
</body>
</html>
`

func writeEleventy(dir string, events []*event) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	w := &writer{}
	titleFR, titleEN := "Clearview AI : la chronologie des sanctions", "Clearview AI: the enforcement timeline"
	w.str(filepath.Join(dir, "eleventy.config.mjs"), eleventyConfig)
	w.str(filepath.Join(dir, "_includes/event.njk"), eleventyEvent)
	w.str(filepath.Join(dir, "index.njk"), fmt.Sprintf(eleventyIndex, "/index.html", "fr", q(titleFR), "fr"))
	w.str(filepath.Join(dir, "en/index.njk"), fmt.Sprintf(eleventyIndex, "/en/index.html", "en", q(titleEN), "en"))
	w.str(filepath.Join(dir, "events/events.json"),
		fmt.Sprintf(`{"layout": "event.njk", "tags": "fr", "lang": "fr", "home": "/", "siteTitle": %s}`+"\n", q(titleFR)))
	w.str(filepath.Join(dir, "en/events/events.json"),
		fmt.Sprintf(`{"layout": "event.njk", "tags": "en", "lang": "en", "home": "/en/", "siteTitle": %s}`+"\n", q(titleEN)))
	var b strings.Builder
	for _, e := range events {
		b.Reset()
		simpleFront(&b, e, 0)
		b.WriteString(e.bodyFR)
		w.str(filepath.Join(dir, "events", e.id+".md"), b.String())
		b.Reset()
		simpleFront(&b, e, 1)
		b.WriteString(e.bodyEN)
		w.str(filepath.Join(dir, "en/events", e.id+".md"), b.String())
	}
	return w.err
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// ---- the real events, for the floor -------------------------------------

// front splits a file into its top-level "key: value" lines and its body.
func front(src []byte) (map[string]string, []byte, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, nil, errors.New("no front matter")
	}
	rest := src[4:]
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		return nil, nil, errors.New("front matter not closed")
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(rest[:end]), "\n") {
		if line == "" || line[0] == ' ' || line[0] == '-' || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, `"`) {
			if u, err := strconv.Unquote(v); err == nil {
				v = u
			} else {
				v = strings.Trim(v, `"`)
			}
		} else if strings.HasPrefix(v, "'") {
			v = strings.ReplaceAll(strings.Trim(v, "'"), "''", "'")
		}
		m[k] = v
	}
	return m, rest[end+5:], nil
}

func convertReal(root, out string) error {
	src := filepath.Join(root, "content/events")
	type file struct {
		id, lang string
		meta     map[string]string
		body     []byte
	}
	var files []file
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		meta, body, err := front(data)
		if err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
		name := strings.TrimSuffix(d.Name(), ".md")
		lang := "fr"
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name, lang = name[:i], name[i+1:]
		}
		files = append(files, file{name, lang, meta, body})
		return nil
	})
	if err != nil {
		return err
	}
	dates := map[string]string{}
	for _, f := range files {
		if f.lang == "fr" {
			dates[f.id] = f.meta["date"]
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].id+files[i].lang < files[j].id+files[j].lang })
	dir := filepath.Join(out, "real/content/events")
	if err := os.RemoveAll(filepath.Join(out, "real")); err != nil {
		return err
	}
	w := &writer{}
	var b strings.Builder
	for _, f := range files {
		b.Reset()
		fmt.Fprintf(&b, "---\ntitle: %s\ndate: %s\nsummary: %s\n---\n", q(f.meta["title"]), dates[f.id], q(f.meta["summary"]))
		b.Write(f.body)
		name := f.id + ".md"
		if f.lang != "fr" {
			name = f.id + "." + f.lang + ".md"
		}
		w.str(filepath.Join(dir, name), b.String())
	}
	if w.err == nil {
		fmt.Printf("synth: %d real event files converted into %s\n", len(files), dir)
	}
	return w.err
}
