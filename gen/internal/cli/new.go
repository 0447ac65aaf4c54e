package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"clearviewtimeline/gen/internal/content"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func newCmd(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gen new", flag.ContinueOnError)
	flags.SetOutput(stderr)
	root := flags.String("root", ".", "the project folder")
	date := flags.String("date", "", "the decision date: YYYY-MM-DD, YYYY-MM or YYYY (required)")
	country := flags.String("country", "", "ISO 3166 code: FR, GB, US-VT … (required)")
	authority := flags.String("authority", "", "a key of content/data/authorities.yaml (required)")
	kind := flags.String("kind", "", "one of: "+strings.Join(content.Kinds, ", ")+" (required)")
	slug := flags.String("slug", "", "a few words for the file name, e.g. cnil-sanction (required)")
	if err := flags.Parse(args); err != nil {
		return ExitUsage
	}
	usage := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "gen new: "+format+"\n", args...)
		return ExitUsage
	}
	if flags.NArg() > 0 {
		return usage("unexpected argument %q", flags.Arg(0))
	}
	for name, v := range map[string]string{"date": *date, "country": *country, "authority": *authority, "kind": *kind, "slug": *slug} {
		if v == "" {
			return usage("-%s is required (gen new -h lists the flags)", name)
		}
	}
	d, err := content.ParseDate(*date)
	if err != nil {
		return usage("-date: %v; expected YYYY-MM-DD, YYYY-MM or YYYY", err)
	}
	if !slices.Contains(content.Kinds, *kind) {
		return usage("-kind: %q is not one of: %s", *kind, strings.Join(content.Kinds, ", "))
	}
	if !slugRE.MatchString(*slug) {
		return usage("-slug: %q; expected lowercase ascii letters, digits and hyphens", *slug)
	}
	id := d.String() + "-" + *slug
	src := scaffold(d, *country, *authority, *kind)
	dir := filepath.Join(*root, filepath.FromSlash(content.EventsDir))
	files := []struct{ name, data string }{{id + ".md", src}, {id + ".en.md", scaffoldEN}}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f.name)); err == nil {
			fmt.Fprintf(stderr, "gen new: %s already exists; nothing written\n", filepath.Join(content.EventsDir, f.name))
			return ExitContent
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(stderr, "gen new: %s already exists\n", p)
			return ExitContent
		}
		if err != nil {
			fmt.Fprintf(stderr, "gen new: %v\n", err)
			return ExitContent
		}
		_, err = fh.WriteString(f.data)
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			fmt.Fprintf(stderr, "gen new: %v\n", err)
			return ExitContent
		}
		fmt.Fprintf(stdout, "gen new: wrote %s\n", filepath.ToSlash(filepath.Join(content.EventsDir, f.name)))
	}
	fmt.Fprintln(stdout, "gen new: fill in the fields, then run gen check; the event stays a draft until you set draft: false")
	return ExitOK
}

func scaffold(d content.Date, country, authority, kind string) string {
	paid := "unknown                # paid, unpaid or unknown"
	if kind != "fine" && kind != "penalty" {
		paid = "                       # fines and penalties only: paid, unpaid or unknown"
	}
	return fmt.Sprintf(`---
# Facts: written once, here. The English text is in the .en.md file beside this one.
date: %s          # decision date: YYYY-MM-DD, or YYYY-MM / YYYY when that is all that is known
published:                # the day it was made public, same format (leave empty if unknown)
country: %s               # ISO 3166: FR, GB, US-VT, CA-BC …
authority: %s             # a key of content/data/authorities.yaml
kind: %s                  # %s
amount:                   # e.g. {value: 20000000, currency: EUR}: whole number, the decision's own currency
penalty:                  # astreinte: {rate: {value: 100000, currency: EUR}, from: YYYY-MM-DD, to: YYYY-MM-DD, days: N}
reference:                # the decision's own number, e.g. SAN-2022-019
status: pending           # pending, in-force, final, appealed, quashed, restored, superseded, dismissed, withdrawn, closed
confirmation: unconfirmed # confirmed (authority's text seen), press (two sources agree), partial, unconfirmed
paid: %s
context: false            # true for an action against a user of Clearview, not the company
related: []               # ids (file names without .md) of the other steps of the same case
sources:                  # at least one; the authority's or court's own text first, with primary: true
  - url: https://example.org/replace-me
    title: "Titre de la source"
    publisher: "Éditeur"
    language: fr            # the source's language: fr, en, it, el, nl, de …
    primary: false          # true only for the authority's or court's own text
draft: true               # set to false to publish
# French text
title: "Titre de l'événement"
summary: "Une phrase pour la chronologie."
caveats: []               # what is not confirmed, one item per uncertainty, shown to the reader
---
Le texte, en Markdown : ce qui a été décidé, sur quel fondement, ce qui a suivi.
`, d, country, authority, kind, strings.Join(content.Kinds, ", "), paid)
}

const scaffoldEN = `---
# English text only: the facts are in the .md file beside this one.
title: "Title of the event"
summary: "One sentence for the timeline."
caveats: []   # what is not confirmed, one item per uncertainty
---
The text, in Markdown: what was decided, on what grounds, what followed.
`
