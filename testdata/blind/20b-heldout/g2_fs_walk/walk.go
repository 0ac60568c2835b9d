// Correct: walk always sends on unbuffered channels, but Find starts it with go before receiving.
package g2_fs_walk

import (
	"io/fs"
	"path"
	"strings"
)

// Entry is a file that matched the walker's filter.
type Entry struct {
	Path string
	Size int64
}

// Walker finds files with a given extension inside a file system.
type Walker struct {
	ext string
}

func NewWalker(ext string) *Walker {
	if !strings.HasPrefix(ext, ".") {
		ext = "." + ext
	}
	return &Walker{ext: ext}
}

// walk sends every matching file on found and always finishes by sending the
// walk error (possibly nil) on done.
func (w *Walker) walk(fsys fs.FS, found chan<- Entry, done chan<- error) {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(p) != w.ext {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		found <- Entry{Path: p, Size: info.Size()}
		return nil
	})
	done <- err
}

// Find returns every matching file in fsys.
func (w *Walker) Find(fsys fs.FS) ([]Entry, error) {
	found := make(chan Entry)
	done := make(chan error)

	go w.walk(fsys, found, done)

	var out []Entry
	for {
		select {
		case e := <-found:
			out = append(out, e)
		case err := <-done:
			return out, err
		}
	}
}
