// Package cli is the gen command: its subcommands, flags and exit codes.
// It is the only part of the generator that reads the environment and
// touches the disk; everything below it takes an fs.FS and returns bytes.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"timeline/gen/internal/cardcache"
	"timeline/gen/internal/content"
	"timeline/gen/internal/publish"
	"timeline/gen/internal/site"
)

// Exit codes.
const (
	ExitOK      = 0 // success
	ExitContent = 1 // content errors, or the build failed
	ExitUsage   = 2 // bad command line
)

const usage = `usage: gen <command> [flags]

Commands:
  build    build the site into public/ (or -out), replacing it whole
  check    validate the content and links without writing anything, your files first
  serve    preview the site with live reload on http://127.0.0.1:1313/
  new      scaffold a new event in both languages
  init     write a new, minimal timeline into an empty folder

Exit codes: 0 success, 1 content errors or failure, 2 usage errors.

Run "gen <command> -h" for a command's flags.
`

// Main runs the gen command with args (without the program name) and
// returns its exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	if cmd, ok := commands[args[0]]; ok {
		fs := flag.NewFlagSet("gen "+args[0], flag.ContinueOnError)
		fs.SetOutput(stderr)
		return cmd(fs, args[1:], stdout, stderr)
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	fmt.Fprintf(stderr, "gen: unknown command %q\n\n%s", args[0], usage)
	return ExitUsage
}

// commands are the subcommands, by name, as usage lists them. Each is given
// its flag set, named "gen NAME", which writes to stderr.
var commands = map[string]func(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int{
	"build": build, "check": check, "serve": serveCmd, "new": newCmd, "init": initCmd,
}

// common are the flags of build and check.
type common struct {
	root, cards string
	opt         site.Options // those the flags set
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.root, "root", ".", "the project folder, holding content/, layouts/ and static/")
	fs.StringVar(&c.opt.BaseURL, "base-url", "", "the site's absolute address (default: from Netlify's CONTEXT, URL and DEPLOY_PRIME_URL, else content/data/site.yaml)")
	fs.BoolVar(&c.opt.Drafts, "drafts", false, "include the events marked draft: true")
	fs.BoolVar(&c.opt.NoCards, "no-cards", false, "leave out the share cards (og:image)")
	fs.StringVar(&c.cards, "cards-cache", CardsCache, "the folder, under -root when relative, that keeps the share cards drawn, so that the next build draws only new ones (\"\" for none)")
}

// CardsCache is the folder, under the project's, where gen build and gen
// serve keep the share cards they draw.
const CardsCache = ".cache/cards"

// options reads the build's inputs from the flags and the environment.
func (c *common) options(getenv func(string) string) (site.Options, error) {
	opt := c.opt
	if c.cards != "" {
		opt.Cards = cardcache.Dir(filepath.Join(c.root, c.cards))
		if filepath.IsAbs(c.cards) {
			opt.Cards = cardcache.Dir(c.cards)
		}
	}
	if opt.BaseURL == "" {
		switch ctx := getenv("CONTEXT"); ctx {
		case "production":
			opt.BaseURL = getenv("URL")
		case "deploy-preview", "branch-deploy":
			opt.BaseURL, opt.Preview = getenv("DEPLOY_PRIME_URL"), true
		}
	}
	if v := getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return opt, fmt.Errorf("SOURCE_DATE_EPOCH=%q: not a number of seconds", v)
		}
		opt.Now = content.DateOf(time.Unix(sec, 0))
	}
	return opt, nil
}

func build(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	var c common
	c.register(fs)
	outDir := fs.String("out", "public", "the output folder, replaced whole by a successful build")
	quiet := fs.Bool("q", false, "print nothing but problems")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file, for go tool pprof")
	then := fs.String("then", "", "a command run on the new folder, given as its last argument, before it replaces the output folder (make build indexes the site for search with it); if it fails, nothing is replaced")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen build: unexpected argument %q\n", fs.Arg(0))
		return ExitUsage
	}
	opt, err := c.options(os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "gen build: %v\n", err)
		return ExitUsage
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "gen build: -cpuprofile: %v\n", err)
			return ExitUsage
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	dir := *outDir
	if !strings.HasPrefix(dir, "/") {
		dir = c.root + "/" + dir
	}
	// Each file is written as it is made, into a new folder that replaces
	// the old one only once every file is written.
	var diags content.Diagnostics
	var buildErr error
	popt := publish.Options{}
	if args := strings.Fields(*then); len(args) > 0 {
		popt.Finish = func(dir string) error {
			cmd := exec.Command(args[0], append(args[1:], dir)...)
			cmd.Stdout, cmd.Stderr = stderr, stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("-then %s: %w", *then, err)
			}
			return nil
		}
	}
	n, err := publish.Stream(dir, popt, func(emit func(string, []byte) error) error {
		_, diags, buildErr = site.Build(os.DirFS(c.root), opt, emit)
		return buildErr
	})
	switch {
	case buildErr != nil:
		for _, d := range diags {
			fmt.Fprintln(stderr, d.Error())
		}
		if ds, ok := errors.AsType[content.Diagnostics](buildErr); ok {
			fmt.Fprintf(stderr, "gen build: %s\n", count(len(ds.Errors()), "error"))
		} else {
			fmt.Fprintf(stderr, "gen build: %v\n", buildErr)
		}
		fmt.Fprintf(stderr, "gen build: nothing written; %s is as it was\n", *outDir)
		return ExitContent
	case err != nil: // -then or the swap failed
		fmt.Fprintf(stderr, "gen build: %v; %s is as it was\n", err, *outDir)
		return ExitContent
	}
	if !*quiet {
		// A successful build counts its warnings; gen check lists them.
		if n := len(diags.Warnings()); n > 0 {
			fmt.Fprintf(stderr, "gen build: %d warnings (gen check lists them)\n", n)
		}
		fmt.Fprintf(stdout, "gen build: %d files in %s (%s)\n", n, *outDir, time.Since(start).Round(time.Millisecond))
	}
	return ExitOK
}
