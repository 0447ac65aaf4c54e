package cli

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"slices"
	"sync"
	"time"

	"timeline/gen/internal/content"
)

// checkExternal asks every source URL of the content whether it still
// answers: a HEAD request, then a GET where HEAD is refused. Each failure
// is a diagnostic at the place the URL is written.
func checkExternal(ctx context.Context, fsys fs.FS, client *http.Client) content.Diagnostics {
	c := content.Load(fsys, content.Options{Drafts: true})
	uses := map[string][]content.Diagnostic{} // where each URL is written
	for _, e := range c.Events {
		for i, s := range e.Sources {
			if s.URL == "" {
				continue
			}
			uses[s.URL] = append(uses[s.URL], content.Diagnostic{Path: e.Path, Line: s.Line, Col: s.Col, Field: fmt.Sprintf("sources[%d].url", i+1)})
		}
	}
	urls := slices.Collect(maps.Keys(uses)) // in any order: diags are sorted
	problems := make([]string, len(urls))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, u := range urls {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			problems[i] = probe(ctx, client, u)
		})
	}
	wg.Wait()
	var diags content.Diagnostics
	for i, u := range urls {
		if problems[i] == "" {
			continue
		}
		for _, d := range uses[u] {
			d.Problem, d.Expected = u+" "+problems[i], "an address that answers; if the page is gone, cite an archived copy"
			diags = append(diags, d)
		}
	}
	diags.Sort()
	return diags
}

// probe returns "" when u answers with a success or a redirect to one,
// or what went wrong.
func probe(ctx context.Context, client *http.Client, u string) string {
	try := func(method string) (int, error) {
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, method, u, nil)
		if err != nil {
			return 0, err
		}
		req.Header.Set("User-Agent", "gen-check/1 (link checker)")
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	code, err := try(http.MethodHead)
	if err == nil && (code == http.StatusMethodNotAllowed || code == http.StatusForbidden || code == http.StatusNotImplemented) {
		code, err = try(http.MethodGet)
	}
	switch {
	case err != nil:
		return "did not answer: " + err.Error()
	case code >= 400:
		return fmt.Sprintf("answered %d %s", code, http.StatusText(code))
	}
	return ""
}
