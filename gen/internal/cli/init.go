package cli

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"timeline"
	"timeline/gen/internal/starter"
)

// initCmd writes a new timeline into a folder that is missing or empty:
// the starter's content, README and .gitignore, and the engine's layouts
// and static files.
func initCmd(flags *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: gen init DIR\n\nWrites a new, minimal enforcement timeline into DIR, which must be missing or empty.")
	}
	if err := flags.Parse(args); err != nil {
		return ExitUsage
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return ExitUsage
	}
	dir := flags.Arg(0)
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "gen init: %s is not empty; nothing written (give a new folder)\n", dir)
		return ExitContent
	}
	n := 0
	for _, src := range []fs.FS{starter.Files(), timeline.Theme} {
		err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			n++
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			fmt.Fprintf(stderr, "gen init: %v\n", err)
			return ExitContent
		}
	}
	fmt.Fprintf(stdout, "gen init: wrote %d files in %s\nNext: cd %s && gen serve (then read README.md)\n", n, dir, dir)
	return ExitOK
}
