package fsindex

import (
	"io/fs"
	"path/filepath"
	"sync"
	"time"
)

type Index struct {
	root string
	wg   sync.WaitGroup

	files   map[string]int64
	total   int64
	skipped []string
	builtAt time.Time
}

func Build(root string) *Index {
	ix := &Index{root: root, files: make(map[string]int64)}
	ix.wg.Add(1)
	go ix.walk()
	return ix
}

func (ix *Index) walk() {
	filepath.WalkDir(ix.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			ix.skipped = append(ix.skipped, p)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			ix.skipped = append(ix.skipped, p)
			return nil
		}
		ix.files[p] = info.Size()
		ix.total += info.Size()
		return nil
	})
	ix.wg.Done()
	ix.builtAt = time.Now()
}

type Summary struct {
	Files   int
	Bytes   int64
	Skipped int
	BuiltAt time.Time
}

func (ix *Index) Wait() Summary {
	ix.wg.Wait()
	return Summary{
		Files:   len(ix.files),
		Bytes:   ix.total,
		Skipped: len(ix.skipped),
		BuiltAt: ix.builtAt,
	}
}

func (ix *Index) Size(path string) (int64, bool) {
	ix.wg.Wait()
	n, ok := ix.files[path]
	return n, ok
}
