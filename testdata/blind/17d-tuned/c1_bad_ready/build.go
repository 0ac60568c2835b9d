package indexer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type Index struct {
	workers pool
	terms   map[string][]string
	ready   chan struct{}
}

func New() *Index {
	return &Index{terms: make(map[string][]string), ready: make(chan struct{})}
}

func (ix *Index) Build(root string) error {
	postings := make(chan [2]string, 64)
	ix.workers.spawn(func() {
		<-ix.ready
		for p := range postings {
			ix.terms[p[0]] = append(ix.terms[p[0]], p[1])
		}
	})

	entries, err := os.ReadDir(root)
	if err != nil {
		close(postings)
		return fmt.Errorf("indexer: read %s: %w", root, err)
	}
	close(ix.ready)
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		name := e.Name()
		for _, w := range strings.FieldsFunc(strings.TrimSuffix(name, filepath.Ext(name)), func(r rune) bool {
			return r == '_' || r == '-' || r == '.'
		}) {
			postings <- [2]string{strings.ToLower(w), name}
		}
	}
	close(postings)
	return nil
}

func (ix *Index) Wait() { ix.workers.wait() }
