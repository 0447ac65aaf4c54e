package content

import "cmp"

func parseSite(path string, src []byte) (Site, Diagnostics) {
	f := &file{path: path, langs: []string{"fr", "en"}}
	root := f.mapping(f.parseDoc(src), "not a list of fields")
	if root == nil {
		return Site{Languages: f.langs}, f.diags
	}
	// The texts per language are read in the languages that the file
	// gives: a first, silent pass finds them.
	first := &file{path: path}
	if ls := get[[]string](first.decode(root, "", SiteSchema[:1]), "languages"); len(ls) > 0 {
		f.langs = ls
	}
	v := f.decode(root, "", SiteSchema)
	return Site{Languages: f.langs, Title: get[map[string]string](v, "title"), Description: get[map[string]string](v, "description"),
		Subject: get[string](v, "subject"), BaseURL: get[string](v, "base_url"), AsOf: get[Date](v, "as_of"), Repository: get[string](v, "repository"),
		License: get[map[string]string](v, "license"),
		PerPage: cmp.Or(int(get[int64](v, "per_page")), 100), FeedLimit: cmp.Or(int(get[int64](v, "feed_limit")), 50)}, f.diags
}

func parseAuthorities(path string, src []byte, langs []string) (map[string]*Authority, Diagnostics) {
	f := &file{path: path, langs: langs}
	out := map[string]*Authority{}
	root := f.mapping(f.parseDoc(src), "not a list of fields")
	if root == nil {
		return out, f.diags
	}
	m := f.keys(root, "", nil) // only duplicates can fail here
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
		v, _ := f.group(n, key, AuthoritySchema, "an authority", names(AuthoritySchema))
		if v == nil {
			continue
		}
		out[key] = &Authority{Key: key, Name: get[map[string]string](v, "name"), Abbr: get[map[string]string](v, "abbr"),
			Country: get[string](v, "country"), URL: get[string](v, "url")}
	}
	return out, f.diags
}
