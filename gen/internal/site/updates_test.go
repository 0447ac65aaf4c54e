package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

// TestUpdates adds a correction to an event: its page shows it, the log
// of updates lists it first in each language, and the feeds' entry for
// the event is updated on that day, so that a subscriber sees it.
func TestUpdates(t *testing.T) {
	fsys := copyRepo(t)
	const ev = "content/events/2022-10-17-cnil-sanction.md"
	entry := func(out *Output, feed string) (updated, modified string) {
		t.Helper()
		var atom struct {
			Entries []struct {
				ID      string `xml:"id"`
				Updated string `xml:"updated"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(out.Files[feed+".xml"], &atom); err != nil {
			t.Fatal(err)
		}
		var jf struct {
			Items []struct {
				ID           string `json:"id"`
				DateModified string `json:"date_modified"`
			} `json:"items"`
		}
		if err := json.Unmarshal(out.Files[feed+".json"], &jf); err != nil {
			t.Fatal(err)
		}
		for _, e := range atom.Entries {
			if strings.HasSuffix(e.ID, "/2022-10-17-cnil-sanction/") {
				updated = e.Updated
			}
		}
		for _, it := range jf.Items {
			if strings.HasSuffix(it.ID, "/2022-10-17-cnil-sanction/") {
				modified = it.DateModified
			}
		}
		return updated, modified
	}
	before, _, err := BuildAll(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if u, m := entry(before, "feed"); u == "" || strings.HasPrefix(u, "2030") || strings.HasPrefix(m, "2030") {
		t.Fatalf("before: updated %q, date_modified %q", u, m)
	}
	update := func(path, date, fr, en string) {
		src := fsys[path].Data
		item := "\n  - date: " + date + "\n    text: {fr: \"" + fr + "\", en: \"" + en + "\"}"
		// Added to the event's list of updates, or as a new list.
		i := bytes.Index(src, []byte("\nupdates:"))
		if i >= 0 {
			i += len("\nupdates:")
		} else {
			i = bytes.Index(src, []byte("\ntitle:"))
			item = "\nupdates:" + item
		}
		fsys[path].Data = append(append(bytes.Clone(src[:i]), item...), src[i:]...)
	}
	update(ev, "2030-01-02", "Le montant est corrigé d’après la délibération.", "The amount is corrected from the decision.")
	// An older correction of a later event.
	update("content/events/2026-02-18-bcca-arret.md", "2029-05-06", "La date est corrigée.", "The date is corrected.")
	after, diags, err := BuildAll(fsys, Options{})
	if err != nil {
		t.Fatal(err, diags)
	}
	for _, feed := range []string{"feed", "en/feed"} {
		if u, m := entry(after, feed); u != "2030-01-02T00:00:00Z" || m != "2030-01-02T00:00:00Z" {
			t.Errorf("%s: the corrected event's entry: updated %q, date_modified %q", feed, u, m)
		}
	}
	for page, want := range map[string][]string{
		"evenements/2022-10-17-cnil-sanction/index.html": {"Mis à jour le", "2 janvier 2030", "Le montant est corrigé"},
		"en/events/2022-10-17-cnil-sanction/index.html":  {"Updated", "2 January 2030", "The amount is corrected"},
		"mises-a-jour/index.html":                        {"2 janvier 2030", "/evenements/2022-10-17-cnil-sanction/", "Le montant est corrigé"},
		"en/updates/index.html":                          {"2 January 2030", "/en/events/2022-10-17-cnil-sanction/", "The amount is corrected"},
	} {
		for _, w := range want {
			if !strings.Contains(string(after.Files[page]), w) {
				t.Errorf("%s: no %q", page, w)
			}
		}
	}
	// The newest correction comes first in the log, whatever the order of
	// the events.
	log := string(after.Files["mises-a-jour/index.html"])
	list := log[strings.Index(log, "updates-log"):]
	if first := list[strings.Index(list, "datetime=")+len("datetime="):]; !strings.HasPrefix(first, "2030-01-02") {
		t.Errorf("the log does not begin with the newest correction: %.80s", first)
	}
}
