// Package starter is the smallest complete enforcement timeline, on an
// invented subject: a subject, one authority, a formal notice and the
// fine that followed it, in French and English, and an about page. gen
// init writes it into a new folder, with the engine's layouts and static
// files, for a newsroom to start a timeline of its own.
package starter

import (
	"embed"
	"io/fs"
)

//go:embed all:files
var files embed.FS

// Files is the starter timeline: content/, README.md and .gitignore.
func Files() fs.FS {
	sub, _ := fs.Sub(files, "files") // fails only on an invalid path, which "files" is not
	return sub
}
