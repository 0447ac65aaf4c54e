// Package txtar reads and writes the text archives of the golden tests:
// a comment, then files, each introduced by a line "-- name --".
// It is the format of golang.org/x/tools/txtar, in a few lines.
package txtar

import (
	"bytes"
	"strings"
	"testing/fstest"
)

// File is one file of an archive.
type File struct {
	Name string
	Data []byte
}

// Archive is a comment and files.
type Archive struct {
	Comment []byte
	Files   []File
}

// Parse reads an archive. It never fails: text before the first file
// marker is the comment.
func Parse(data []byte) *Archive {
	a := &Archive{}
	var cur *File
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		if name, ok := marker(line); ok {
			a.Files = append(a.Files, File{Name: name})
			cur = &a.Files[len(a.Files)-1]
			continue
		}
		if cur == nil {
			a.Comment = append(a.Comment, line...)
		} else {
			cur.Data = append(cur.Data, line...)
		}
	}
	return a
}

func marker(line []byte) (string, bool) {
	s := strings.TrimRight(string(line), "\r\n")
	if strings.HasPrefix(s, "-- ") && strings.HasSuffix(s, " --") && len(s) > 6 {
		return strings.TrimSpace(s[3 : len(s)-3]), true
	}
	return "", false
}

// Format writes an archive back; each file ends with a newline.
func Format(a *Archive) []byte {
	var b bytes.Buffer
	b.Write(a.Comment)
	for _, f := range a.Files {
		b.WriteString("-- " + f.Name + " --\n")
		b.Write(f.Data)
		if len(f.Data) > 0 && f.Data[len(f.Data)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// FS returns the files whose names start with prefix, as a file system
// rooted at that prefix.
func (a *Archive) FS(prefix string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		if name, ok := strings.CutPrefix(f.Name, prefix); ok {
			fsys[name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}
