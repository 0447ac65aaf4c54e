package content

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// crossCheck validates what no single file can, and completes each
// related list both ways. exists holds EventsDir/ID for every event file,
// read or not: a link to a file that could not be read is not reported.
func (c *Content) crossCheck(exists map[string]bool) Diagnostics {
	var diags Diagnostics
	byID := c.byID()
	ids := make([]string, len(c.Events))
	for i, e := range c.Events {
		ids[i] = e.ID
	}
	authKeys := slices.Sorted(maps.Keys(c.Authorities))
	for _, e := range c.Events {
		if e.Authority != "" {
			if a, ok := c.Authorities[e.Authority]; !ok {
				diags.add(e.Path, e.authorityPos, Error, "authority", fmt.Sprintf("%q is not a known authority", e.Authority),
					didYouMean("a key of "+AuthoritiesFile, e.Authority, authKeys, ", or add this authority there"))
			} else if e.Country != "" && a.Country != "" && e.Country[:2] != a.Country[:2] {
				diags.add(e.Path, e.authorityPos, Warning, "authority", fmt.Sprintf("%s is in %s but the event's country is %s", a.Key, a.Country, e.Country), "an authority of the event's country")
			}
		}
		var kept []string
		for i, r := range e.Related {
			p := e.relatedPos[i]
			field := fmt.Sprintf("related[%d]", i+1)
			switch {
			case r == e.ID:
				diags.add(e.Path, p, Error, field, "an event cannot be related to itself", "the id of another event")
			case slices.Contains(e.Related[:i], r):
				diags.add(e.Path, p, Error, field, fmt.Sprintf("%q is listed twice", r), "each related id once")
			case byID[r] == nil && exists[EventsDir+"/"+r]:
			case byID[r] == nil:
				expected := "the id (file name without .md) of an event in " + EventsDir
				if s := suggest(r, slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == e.ID })); s != "" {
					expected = fmt.Sprintf("the id of an event: did you mean %s?", s)
				}
				diags.add(e.Path, p, Error, field, fmt.Sprintf("no event has the id %q", r), expected)
			default:
				kept = append(kept, r)
			}
		}
		e.Related = kept
	}
	diags = append(diags, c.checkProvisions()...)
	// Related is a relation between cases' steps: make it symmetric.
	for _, e := range c.Events {
		for _, r := range e.Related {
			o := byID[r]
			if !slices.Contains(o.Related, e.ID) {
				o.Related = append(o.Related, e.ID)
			}
		}
	}
	for _, e := range c.Events {
		if len(e.Sources) > 0 && !slices.ContainsFunc(e.Sources, func(s Source) bool { return s.Primary }) {
			diags.add(e.Path, e.sourcesPos, Warning, "sources", "no primary source", "the authority's or court's own text, marked primary: true, when it can be found")
		}
		if (e.Kind == "notice" || e.Kind == "intent" || e.Kind == "fine" || e.Kind == "penalty") && len(e.Related) == 0 && !e.Context {
			diags.add(e.Path, e.kindPos, Warning, "related", "a "+e.Kind+" with no related events", "the ids of the other steps of the same case")
		}
		slices.SortFunc(e.Related, func(a, b string) int { return compareEvents(byID[a], byID[b]) })
	}
	diags = append(diags, c.checkOpen()...)
	return diags
}

// staleAfter is how long before as_of an open event's check may be.
const staleAfter = 90

// checkOpen warns about the events of open cases not checked in the
// staleAfter days before as_of: the site is checked as of their oldest.
func (c *Content) checkOpen() Diagnostics {
	var diags Diagnostics
	open := c.Open()
	for _, e := range c.Events {
		if !open[e.ID] || e.Draft {
			continue
		}
		switch age := e.Checked.DaysUntil(c.Site.AsOf); {
		case e.Checked.IsZero():
			diags.add(e.Path, e.kindPos, Warning, "checked", "missing on a case still open",
				"checked: the day its facts were last compared with its sources, after searching for what happened since")
		case !c.Site.AsOf.IsZero() && age > staleAfter:
			diags.add(e.Path, e.checkedPos, Warning, "checked", fmt.Sprintf("%s is %d days before as_of %s, on a case still open", e.Checked, age, c.Site.AsOf),
				fmt.Sprintf("the facts compared with their sources again, and what happened since searched for, at most %d days before as_of; then checked: that day", staleAfter))
		}
	}
	return diags
}

// Open is the ids of the events whose case is still open: the event is
// pending or under appeal, or a later step of its case is.
func (c *Content) Open() map[string]bool {
	byID := c.byID()
	out := map[string]bool{}
	for _, e := range c.Events {
		if e.Status != "pending" && e.Status != "appealed" {
			continue
		}
		// e, and every earlier step of its case, is open.
		for _, o := range Case(e, byID) {
			if compareEvents(o, e) <= 0 {
				out[o.ID] = true
			}
		}
	}
	return out
}

func (c *Content) byID() map[string]*Event {
	byID := make(map[string]*Event, len(c.Events))
	for _, e := range c.Events {
		byID[e.ID] = e
	}
	return byID
}

// Case is the steps of e's case: e and every event reachable from it
// through related, in date order.
func Case(e *Event, byID map[string]*Event) []*Event {
	seen := map[string]bool{e.ID: true}
	steps := []*Event{e}
	for i := 0; i < len(steps); i++ {
		for _, r := range steps[i].Related {
			if o := byID[r]; o != nil && !seen[r] {
				seen[r] = true
				steps = append(steps, o)
			}
		}
	}
	slices.SortFunc(steps, compareEvents)
	return steps
}

// Verified is the day the site can say it is checked as of: the oldest
// checked day of the events of open cases (Open), or as_of when no case
// is open or none of them says.
func (c *Content) Verified() Date {
	var d Date
	open := c.Open()
	for _, e := range c.Events {
		if open[e.ID] && !e.Checked.IsZero() && (d.IsZero() || e.Checked.Compare(d) < 0) {
			d = e.Checked
		}
	}
	return cmp.Or(d, c.Site.AsOf)
}

func compareEvents(a, b *Event) int {
	return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
}

// dropDrafts removes the events marked draft, and the links to them.
func (c *Content) dropDrafts() {
	drafts := map[string]bool{}
	c.Events = slices.DeleteFunc(c.Events, func(e *Event) bool {
		if e.Draft {
			drafts[e.ID] = true
		}
		return e.Draft
	})
	for _, e := range c.Events {
		e.Related = slices.DeleteFunc(e.Related, func(id string) bool { return drafts[id] })
	}
}

// checkProvisions checks the findings' provisions against LawsFile and
// the compliances' sources against the events'.
func (c *Content) checkProvisions() Diagnostics {
	var diags Diagnostics
	keys := slices.Sorted(maps.Keys(c.Provisions))
	sources := map[string]bool{}
	for _, e := range c.Events {
		for _, s := range e.Sources {
			sources[s.URL] = true
		}
	}
	for _, e := range c.Events {
		for _, x := range e.Findings {
			switch p := c.Provisions[x.Provision]; {
			case p == nil:
				diags.add(e.Path, x.at, Error, x.field, fmt.Sprintf("%q is not a provision of the table", x.Provision),
					didYouMean("a provision of "+LawsFile, x.Provision, keys, ", or add it there under its law's provisions"))
			case e.Country != "" && !c.Laws[p.Law].Applies(e.Country):
				diags.add(e.Path, x.at, Warning, x.field, fmt.Sprintf("%s does not apply in %s (%s: %s)", p.Law, e.Country, LawsFile, strings.Join(c.Laws[p.Law].Countries, ", ")),
					"a provision of a law of the event's country")
			}
		}
		for i, o := range e.Orders {
			if x := o.Compliance; x != nil && x.Source != "" && !sources[x.Source] {
				diags.add(e.Path, x.at, Warning, fmt.Sprintf("orders[%d].compliance.source", i+1), fmt.Sprintf("%s is not a source of any event", x.Source),
					"the address of a source listed by this event or another, so that the reader can see what it is")
			}
		}
	}
	return diags
}
