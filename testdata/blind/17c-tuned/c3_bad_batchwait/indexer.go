package indexer

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
)

type Indexer struct {
	mu       sync.Mutex
	words    map[string][]string
	failures []error
	root     string
}

func New(root string) *Indexer {
	return &Indexer{words: make(map[string][]string), root: root}
}

func (ix *Indexer) Reindex() error {
	paths, err := filepath.Glob(filepath.Join(ix.root, "*.txt"))
	if err != nil {
		return err
	}

	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.words = make(map[string][]string)
	ix.failures = nil

	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func(path string) {
			defer wg.Done()
			ix.indexFile(path)
		}(p)
	}
	wg.Wait()
	if len(ix.failures) > 0 {
		return ix.failures[0]
	}
	return nil
}

func (ix *Indexer) indexFile(path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		ix.fail(err)
		return
	}
	seen := make(map[string]bool)
	for _, w := range strings.Fields(strings.ToLower(string(data))) {
		seen[w] = true
	}
	ix.add(path, seen)
}
