package content

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	siteFields      = []string{"languages", "title", "description", "base_url", "as_of", "repository", "license"}
	authorityFields = []string{"name", "abbr", "country", "url"}
)

// parseYAML reads a whole data file as one YAML mapping.
func (f *file) parseYAML(src []byte) *yaml.Node {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if p, ok := invalidUTF8(src); ok {
		f.report(Error, p, "", "invalid UTF-8", "UTF-8 text; save the file as UTF-8")
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		f.yamlError(err)
		return nil
	}
	if len(doc.Content) == 0 {
		f.report(Error, pos{1, 1}, "", "empty file", "YAML fields")
		return nil
	}
	root := doc.Content[0]
	if !f.plain(root, 0) {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		f.errorf(root, "", "fields written as key: value", "not a list of fields")
		return nil
	}
	return root
}

// byLang reads {fr: "…", en: "…"}, one text per site language.
func (f *file) byLang(n *yaml.Node, field string, langs []string, required bool) map[string]string {
	if n.Kind != yaml.MappingNode {
		f.errorf(n, field, "one line per language: "+strings.Join(langs, ", "), "%s is not a text per language", describe(n))
		return nil
	}
	m := f.fields(n, field+".", langs)
	out := make(map[string]string, len(langs))
	for _, l := range langs {
		v, ok := m[l]
		if !ok || isNull(v) {
			if required {
				f.errorf(n, field+"."+l, "the text in "+l, "missing")
			}
			continue
		}
		if s, ok := f.str(v, field+"."+l); ok {
			out[l] = s
		}
	}
	return out
}

func parseSite(path string, src []byte) (Site, Diagnostics) {
	f := &file{path: path}
	s := Site{Languages: []string{"fr", "en"}}
	root := f.parseYAML(src)
	if root == nil {
		return s, f.diags
	}
	m := f.fields(root, "", siteFields)
	if n, ok := f.required(m, root, "", "languages", "the list of languages, the default first: [fr, en]"); ok {
		if ls := f.strings(n, "languages"); len(ls) > 0 {
			s.Languages = ls
			for i, l := range ls {
				if !langRE.MatchString(l) {
					f.errorf(n.Content[i], fmt.Sprintf("languages[%d]", i+1), "a language code such as fr or en", "%q is not a language code", l)
				}
			}
		}
	}
	if n, ok := f.required(m, root, "", "title", "the site's title per language"); ok {
		s.Title = f.byLang(n, "title", s.Languages, true)
	}
	if n, ok := f.required(m, root, "", "description", "the site's description per language"); ok {
		s.Description = f.byLang(n, "description", s.Languages, true)
	}
	if n, ok := f.required(m, root, "", "base_url", "the production address, e.g. https://example.org/"); ok {
		s.BaseURL, _ = f.link(n, "base_url")
	}
	if n, ok := f.required(m, root, "", "as_of", "the day the content was last reviewed, YYYY-MM-DD"); ok {
		if d, ok := f.date(n, "as_of"); ok {
			if d.Prec != Day {
				f.errorf(n, "as_of", "a full day, YYYY-MM-DD", "%s is not a day", d)
			} else {
				s.AsOf = d
			}
		}
	}
	if n, ok := m["repository"]; ok && !isNull(n) {
		s.Repository, _ = f.link(n, "repository")
	}
	if n, ok := m["license"]; ok && !isNull(n) {
		s.License = f.byLang(n, "license", s.Languages, true)
	}
	return s, f.diags
}

func parseAuthorities(path string, src []byte, langs []string) (map[string]*Authority, Diagnostics) {
	f := &file{path: path}
	out := map[string]*Authority{}
	root := f.parseYAML(src)
	if root == nil {
		return out, f.diags
	}
	keys := make([]string, 0, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		keys = append(keys, root.Content[i].Value)
	}
	sort.Strings(keys)
	m := f.fields(root, "", keys) // only duplicates can fail here
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, n := root.Content[i], root.Content[i+1]
		key := k.Value
		if m[key] != n {
			continue
		}
		if !idRE.MatchString(key) {
			f.errorf(k, key, "lowercase ascii letters, digits and hyphens, e.g. cnil", "%q is not a valid key", key)
			continue
		}
		if n.Kind != yaml.MappingNode {
			f.errorf(n, key, "name, abbr, country and url", "%s is not an authority", describe(n))
			continue
		}
		fm := f.fields(n, key+".", authorityFields)
		a := &Authority{Key: key}
		if v, ok := f.required(fm, n, key+".", "name", "the name per language"); ok {
			a.Name = f.byLang(v, key+".name", langs, true)
		}
		if v, ok := fm["abbr"]; ok && !isNull(v) {
			a.Abbr = f.byLang(v, key+".abbr", langs, true)
		}
		if v, ok := f.required(fm, n, key+".", "country", "an ISO 3166 code"); ok {
			a.Country, _ = f.country(v, key+".country")
		}
		if v, ok := fm["url"]; ok && !isNull(v) {
			a.URL, _ = f.link(v, key+".url")
		}
		out[key] = a
	}
	return out, f.diags
}
