// Command testconfig writes the CMS's configuration for the content of the
// current folder as gen build does (package cms), but with the CMS's test
// backend, which keeps the files in the browser instead of GitHub:
// tools/checks/cms.spec.mjs serves it in place of the built site's admin/config.yml to
// drive the CMS in Chromium.
//
// Usage:
//
//	go run ./gen/internal/cms/testconfig -out FILE
//
// It exits 1 when the content has errors, 2 on a usage error.
package main

import (
	"flag"
	"fmt"
	"os"

	"timeline/gen/internal/cms"
	"timeline/gen/internal/content"
)

func main() { os.Exit(run()) }

func run() int {
	out := flag.String("out", "", "the file to write")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./gen/internal/cms/testconfig -out FILE")
		return 2
	}
	c := content.Load(os.DirFS("."), content.Options{})
	if errs := c.Diagnostics.Errors(); len(errs) > 0 {
		fmt.Fprintln(os.Stderr, errs)
		return 1
	}
	in := cms.InputFor(c)
	in.TestBackend = true
	b, err := cms.Config(in)
	if err == nil {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "testconfig:", err)
		return 1
	}
	return 0
}
