// Package timeline is the engine's theme: the layouts (templates and the
// interface's words) and the static files of every timeline, which
// gen init copies into a new one. The generator itself is in gen/.
package timeline

import "embed"

// Theme holds layouts/ and static/.
//
//go:embed layouts static
var Theme embed.FS
