package site

import "timeline/gen/internal/cms"

// admin is what the site serves at /admin/ for editors without a terminal
// (package cms): the page that loads Sveltia CMS and the CMS's
// configuration, written from the schema and the content. A theme without
// the CMS's script (static/admin/sveltia-cms.js) has no /admin/. The page
// is minified like every page; the configuration is written as it is.
func (in *inputs) admin() ([]extra, error) {
	bundle, ok := in.theme.assets.urls[cms.Bundle]
	if !ok {
		return nil, nil
	}
	config, err := cms.Config(cms.InputFor(in.c))
	if err != nil {
		return nil, err
	}
	def := in.langs[0].Code
	icon := in.theme.assets.urls["favicon.svg"]
	index, err := cms.Index(cms.IndexInput{Lang: def, Title: in.c.Site.Title[def], Bundle: bundle, Icon: icon, Prefs: in.theme.assets.urls[cms.Prefs]})
	if err != nil {
		return nil, err
	}
	return []extra{
		{cms.ConfigFile, func(*minifier) ([]byte, error) { return config, nil }},
		{cms.IndexFile, func(min *minifier) ([]byte, error) { return min.bytes("text/html", index) }},
	}, nil
}
