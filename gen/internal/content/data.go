package content

import (
	"cmp"
	"io/fs"
)

// parseSite reads SiteFile into c.Site.
func (c *Content) parseSite(fsys fs.FS) Diagnostics {
	f := &file{path: SiteFile, langs: []string{"fr", "en"}}
	root := f.mapping(f.doc(fsys, "the site configuration", false), "not a list of fields")
	if root == nil {
		c.Site = Site{Languages: f.langs}
		return f.diags
	}
	// The texts per language are read in the languages that the file
	// gives: a first, silent pass finds them.
	first := &file{path: SiteFile}
	if ls := get[[]string](first.decode(root, "", SiteSchema[:1]), "languages"); len(ls) > 0 {
		f.langs = ls
	}
	v := f.decode(root, "", SiteSchema)
	c.Site = Site{Languages: f.langs, Title: get[map[string]string](v, "title"), Description: get[map[string]string](v, "description"),
		Subject: get[string](v, "subject"), BaseURL: get[string](v, "base_url"), AsOf: get[Date](v, "as_of"), Repository: get[string](v, "repository"),
		License: get[map[string]string](v, "license"),
		PerPage: cmp.Or(int(get[int64](v, "per_page")), 100), FeedLimit: cmp.Or(int(get[int64](v, "feed_limit")), 50)}
	return f.diags
}

// parseAuthorities reads AuthoritiesFile into c.Authorities.
func (c *Content) parseAuthorities(fsys fs.FS) Diagnostics {
	f := &file{path: AuthoritiesFile, langs: c.Site.Languages}
	c.Authorities = map[string]*Authority{}
	f.entries(f.mapping(f.doc(fsys, "the authorities", false), "not a list of fields"), "", idRE, "lowercase ascii letters, digits and hyphens, e.g. cnil", "%q is not a valid key",
		AuthoritySchema, "an authority", func(key string, v values) {
			c.Authorities[key] = &Authority{Key: key, Name: get[map[string]string](v, "name"), Abbr: get[map[string]string](v, "abbr"),
				Country: get[string](v, "country"), URL: get[string](v, "url")}
		})
	return f.diags
}
