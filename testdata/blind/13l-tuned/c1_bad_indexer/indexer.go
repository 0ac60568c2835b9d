package indexer

import (
	"strings"
	"sync"
)

// Index maps a term to the documents containing it.
type Index struct {
	mu    sync.Mutex
	terms map[string][]int
}

func (ix *Index) add(term string, doc int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.terms[term] = append(ix.terms[term], doc)
}

// Lookup returns the documents for a term.
func (ix *Index) Lookup(term string) []int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return append([]int(nil), ix.terms[term]...)
}

// Source yields documents in pages.
type Source interface {
	Pages() [][]string
}

// Build indexes every document of every source. Sources are paged in
// concurrently; each document is tokenized on its own goroutine.
func Build(sources []Source) *Index {
	ix := &Index{terms: make(map[string][]int)}
	var wg sync.WaitGroup
	var idMu sync.Mutex
	nextID := 0
	for _, src := range sources {
		go func(src Source) {
			for _, page := range src.Pages() {
				for _, doc := range page {
					idMu.Lock()
					id := nextID
					nextID++
					idMu.Unlock()
					wg.Add(1)
					go func() {
						defer wg.Done()
						for _, tok := range strings.Fields(doc) {
							ix.add(strings.ToLower(tok), id)
						}
					}()
				}
			}
		}(src)
	}
	wg.Wait()
	return ix
}

type sliceSource [][]string

func (s sliceSource) Pages() [][]string { return s }

// BuildFromSlices is a convenience wrapper used by the CLI.
func BuildFromSlices(pages ...[][]string) *Index {
	srcs := make([]Source, len(pages))
	for i, p := range pages {
		srcs[i] = sliceSource(p)
	}
	return Build(srcs)
}
