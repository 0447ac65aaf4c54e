// Package timeline is the engine's theme: the layouts (templates and the
// interface's words) and the static files of every timeline, and the
// editors' guide, which gen init copies into a new one. The generator
// itself is in gen/.
package timeline

import "embed"

// Theme holds layouts/, static/ and docs/editing.md.
//
//go:embed layouts static docs/editing.md
var Theme embed.FS
