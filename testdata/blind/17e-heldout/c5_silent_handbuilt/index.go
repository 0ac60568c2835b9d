package handbuilt

import (
	"strings"
	"sync"
)

type Index struct {
	termsMu sync.Mutex
	terms   map[string][]int
	docsMu  sync.Mutex
	docs    []string
}

func NewIndex() *Index {
	return &Index{terms: make(map[string][]int)}
}

func (ix *Index) Add(doc string) int {
	ix.termsMu.Lock()
	defer ix.termsMu.Unlock()
	ix.docsMu.Lock()
	id := len(ix.docs)
	ix.docs = append(ix.docs, doc)
	ix.docsMu.Unlock()
	for _, w := range strings.Fields(strings.ToLower(doc)) {
		ix.terms[w] = append(ix.terms[w], id)
	}
	return id
}

func (ix *Index) Lookup(term string) []string {
	ix.termsMu.Lock()
	ids := append([]int(nil), ix.terms[strings.ToLower(term)]...)
	ix.termsMu.Unlock()

	ix.docsMu.Lock()
	defer ix.docsMu.Unlock()
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, ix.docs[id])
	}
	return out
}
