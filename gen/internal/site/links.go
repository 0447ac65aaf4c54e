package site

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"

	"timeline/gen/internal/content"

	"golang.org/x/net/html"
)

// CheckLinks parses every HTML page of out and reports each same-site link
// or anchor that leads nowhere, and each link with a scheme other than
// http, https or mailto. Links written in content are checked with their
// file and line while bodies render; this catches what layouts write.
func CheckLinks(out *Output) content.Diagnostics {
	d, _ := checkLinks(out)
	return d
}

// checkLinks is CheckLinks, also counting the same-site links it followed.
func checkLinks(out *Output) (content.Diagnostics, int) {
	checked := 0
	ids := map[string]map[string]bool{} // each page's ids
	links := map[string][]string{}      // each page's links to check
	var diags content.Diagnostics
	report := func(p, problem, expected string) {
		diags = append(diags, content.Diagnostic{Path: p, Problem: problem, Expected: expected})
	}
	for p, b := range out.Files {
		if path.Ext(p) != ".html" {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			report(p, "does not parse: "+err.Error(), "valid HTML")
			continue
		}
		ids[p] = map[string]bool{}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "id":
					if ids[p][a.Val] {
						report(p, fmt.Sprintf("id %q used twice", a.Val), "unique ids")
					}
					ids[p][a.Val] = true
				case a.Key == "src", a.Key == "href" && n.Data == "a",
					a.Key == "href" && n.Data == "link" && (attrOf(n, "rel") == "stylesheet" || attrOf(n, "rel") == "icon"):
					links[p] = append(links[p], a.Val)
				}
			}
		}
	}
	for p, ls := range links {
		base := &url.URL{Path: "/" + strings.TrimSuffix(p, "index.html")}
		for _, l := range ls {
			u, err := url.Parse(l)
			if err != nil {
				report(p, fmt.Sprintf("link %q: %v", l, err), "a valid URL")
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" {
					report(p, fmt.Sprintf("link %q", l), "an http, https or mailto link")
				}
				continue
			}
			checked++
			file := strings.TrimPrefix(base.ResolveReference(u).Path, "/")
			if file == "" || strings.HasSuffix(file, "/") {
				file += "index.html"
			}
			if _, ok := out.Files[file]; !ok {
				report(p, fmt.Sprintf("link %q leads nowhere (no %s)", l, file), "a page of the site")
				continue
			}
			if u.Fragment != "" && !ids[file][u.Fragment] {
				report(p, fmt.Sprintf("link %q: no id %q in %s", l, u.Fragment, file), "an anchor of that page")
			}
		}
	}
	diags.Sort()
	return diags, checked
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
