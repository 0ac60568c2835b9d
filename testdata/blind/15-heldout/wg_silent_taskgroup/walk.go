package wg_silent_taskgroup

import (
	"os"
	"path/filepath"
	"sync/atomic"
)

type DirUsage struct {
	Files atomic.Int64
	Bytes atomic.Int64
}

// Usage walks root, one task per directory, and sums file sizes.
func Usage(root string) (files, bytes int64, err error) {
	var u DirUsage
	var g Group
	var visit func(dir string) error
	visit = func(dir string) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			path := filepath.Join(dir, e.Name())
			if e.IsDir() {
				g.Go(func() error { return visit(path) })
				continue
			}
			info, err := e.Info()
			if err != nil {
				return err
			}
			u.Files.Add(1)
			u.Bytes.Add(info.Size())
		}
		return nil
	}
	g.Go(func() error { return visit(root) })
	err = g.Wait()
	return u.Files.Load(), u.Bytes.Load(), err
}
