package site

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
)

// The fragments that many pages show alike are rendered once per language
// and shown as trusted HTML: each event's card, by the timeline and every
// facet page that lists it; the head's links, the menu and the footer, by
// every page.

// cardTemplate is the partial every list of events shows each event with.
const cardTemplate = "layouts/partials/event-card.html"

// renderCards renders each event's card once, for the timeline and every
// facet page that lists it, from the events as a list shows them, without
// their bodies (langViews.list).
func (in *inputs) renderCards(events []*EventView) (map[string]template.HTML, error) {
	t := in.theme.pages["home.html"]
	if t == nil || t.Lookup(cardTemplate) == nil {
		return nil, fmt.Errorf("%s: missing", cardTemplate)
	}
	cards := make(map[string]template.HTML, len(events))
	for _, card := range events {
		html, err := in.partial(cardTemplate, card)
		if err != nil {
			return nil, err
		}
		cards[card.ID] = html
	}
	return cards, nil
}

// partial runs the partial template name on data.
func (in *inputs) partial(name string, data any) (template.HTML, error) {
	t := in.theme.pages["home.html"]
	if t == nil || t.Lookup(name) == nil {
		return "", fmt.Errorf("%s: missing", name)
	}
	var b bytes.Buffer
	err := t.ExecuteTemplate(&b, name, data)
	return template.HTML(b.String()), err
}

// renderShared renders the parts of the page frame that are the same on
// every page of language v: the head's links, the footer, and the menu
// once for each page it marks and once for all others.
func (in *inputs) renderShared(v *langViews) error {
	l := v.l
	site := in.c.Site
	shared := Shared{L: l, SiteTitle: v.siteTitle, Home: l.Prefix + "/", FeedAtom: feedPath(l, "xml"), FeedJSON: feedPath(l, "json"),
		UpdatesURL: l.Prefix + "/" + l.Path("updates") + "/",
		OGLocale:   ogLocale(l.Code), Verified: l.Date(in.verified), VerifiedDate: in.verified.String(), OpenURL: openURL(l),
		License: site.License[l.Code], Repository: site.Repository, Assets: in.theme.assets}
	for _, o := range in.langs {
		if o != l {
			shared.OGAlternates = append(shared.OGAlternates, ogLocale(o.Code))
		}
	}
	var err error
	if v.head, err = in.partial("layouts/partials/head.html", &shared); err != nil {
		return err
	}
	if v.footer, err = in.partial("layouts/partials/footer.html", &shared); err != nil {
		return err
	}
	v.nav = map[string]template.HTML{}
	for _, current := range append([]MenuItem{{}}, v.menu...) { // none marked, then each entry
		s := shared
		s.Menu = slices.Clone(v.menu)
		for i := range s.Menu {
			s.Menu[i].Current = s.Menu[i].URL == current.URL
		}
		s.HomeCurrent = current.URL == s.Home
		if v.nav[current.URL], err = in.partial("layouts/partials/menu.html", &s); err != nil {
			return err
		}
	}
	return nil
}
