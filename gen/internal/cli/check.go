package cli

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"timeline/gen/internal/content"
	"timeline/gen/internal/site"
)

// check validates the content and the links, and lists the problems of
// the editor's own files first: the files named on the command line, or
// else those changed since the main branch (by git). It ends with one
// summary line.
func check(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gen check [flags] [FILE …]\n\nThe problems of the files named, or else of the files changed since the main branch, come first.")
		fs.PrintDefaults()
	}
	var c common
	c.register(fs)
	strict := fs.Bool("strict", false, "treat warnings (missing translation, no primary source, no related chain) as errors, except those reviewed in "+content.ReviewedFile)
	external := fs.Bool("external", false, "also check that every source URL answers (needs the network)")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	opt, err := c.options(os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "gen check: %v\n", err)
		return ExitUsage
	}
	var yours []string
	for _, f := range fs.Args() {
		p, err := inRoot(c.root, f)
		if err != nil {
			fmt.Fprintf(stderr, "gen check: %s: %v\n", f, err)
			return ExitUsage
		}
		yours = append(yours, p)
	}
	if len(yours) == 0 {
		yours = changedFiles(c.root)
	}
	fsys := os.DirFS(c.root)
	out, diags, err := site.BuildAll(fsys, opt)
	if err == nil {
		// Every same-site link and anchor of the built pages must resolve.
		diags = append(diags, site.CheckLinks(out)...)
		if *external {
			diags = append(diags, checkExternal(context.Background(), fsys, http.DefaultClient)...)
		}
	}
	if *strict {
		diags = diags.Strict()
	}
	var first, rest content.Diagnostics
	for _, d := range diags {
		if slices.Contains(yours, d.Path) {
			first = append(first, d)
		} else {
			rest = append(rest, d)
		}
	}
	for _, d := range append(first, rest...) {
		fmt.Fprintln(stderr, d.Error())
	}
	if _, ok := err.(content.Diagnostics); err != nil && !ok {
		fmt.Fprintf(stderr, "gen check: %v\n", err)
		return ExitContent
	}
	line := summary(yours, first, rest, out)
	if len(diags.Errors()) > 0 {
		fmt.Fprintln(stderr, "gen check: not publishable: "+line)
		return ExitContent
	}
	fmt.Fprintln(stdout, "gen check: ok: "+line)
	return ExitOK
}

// summary is check's last line after its status: "1 error in your 2 files;
// 24 warnings in other files". out is nil when the build failed.
func summary(yours []string, first, rest content.Diagnostics, out *site.Output) string {
	problems := func(ds content.Diagnostics) string {
		var s []string
		if e := len(ds.Errors()); e > 0 {
			s = append(s, count(e, "error"))
		}
		if w := len(ds.Warnings()); w > 0 {
			s = append(s, count(w, "warning"))
		}
		return cmp.Or(strings.Join(s, " and "), "no problem")
	}
	var parts []string
	if len(yours) > 0 {
		parts = append(parts, problems(first)+" in your "+count(len(yours), "file"))
		if len(rest) > 0 {
			parts = append(parts, problems(rest)+" in other files")
		}
	} else {
		parts = append(parts, problems(rest))
	}
	if out != nil && out.Reviewed > 0 {
		parts = append(parts, fmt.Sprintf("%s accepted in %s", count(out.Reviewed, "reviewed warning"), content.ReviewedFile))
	}
	return strings.Join(parts, "; ")
}

// count writes n and a noun, in the plural when n is not 1.
func count(n int, noun string) string {
	if n != 1 {
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// changedFiles lists the content files changed since the main branch:
// committed, staged, modified or new. It is empty outside a git
// repository, or when git cannot tell.
func changedFiles(root string) []string {
	git := func(args ...string) []string {
		out, err := exec.Command("git", append([]string{"-C", root}, args...)...).Output()
		if err != nil {
			return nil
		}
		return strings.Fields(string(out))
	}
	var base []string
	for _, main := range []string{"origin/main", "main"} {
		if base = git("merge-base", "HEAD", main); len(base) == 1 {
			break
		}
	}
	if len(base) != 1 {
		return nil
	}
	files := append(git("diff", "--name-only", "--relative", base[0], "--", "content"),
		git("ls-files", "--others", "--exclude-standard", "--", "content")...)
	slices.Sort(files)
	return slices.Compact(files)
}

// inRoot turns a file named on the command line into its path in the
// project, as diagnostics name it: content/events/x.md.
func inRoot(root, name string) (string, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", err
	}
	r, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(r, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("not in the project %s", root)
	}
	return filepath.ToSlash(rel), nil
}
