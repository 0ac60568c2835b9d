// Package search builds an inverted index from documents fed to it.
package search

import (
	"strings"
	"sync"
)

// Doc is a document to index.
type Doc struct {
	ID   int
	Body string
}

// Indexer tokenizes documents in the background.
type Indexer struct {
	docs chan Doc
	done chan struct{}

	mu    sync.RWMutex
	index map[string][]int
}

// NewIndexer starts the indexing goroutine.
func NewIndexer(buffer int) *Indexer {
	ix := &Indexer{
		docs:  make(chan Doc, buffer),
		done:  make(chan struct{}),
		index: make(map[string][]int),
	}
	go ix.run()
	return ix
}

func (ix *Indexer) run() {
	defer close(ix.done)
	for d := range ix.docs {
		if d.Body == "" {
			continue
		}
		terms := tokenize(d.Body)
		ix.mu.Lock()
		for _, term := range terms {
			ix.index[term] = append(ix.index[term], d.ID)
		}
		ix.mu.Unlock()
	}
}

func tokenize(body string) []string {
	seen := make(map[string]bool)
	var out []string
	for _, w := range strings.Fields(strings.ToLower(body)) {
		w = strings.Trim(w, ".,;:!?\"'()")
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// Add queues a document for indexing.
func (ix *Indexer) Add(d Doc) { ix.docs <- d }

// Finish closes the input and waits until every queued document is indexed.
func (ix *Indexer) Finish() {
	close(ix.docs)
	<-ix.done
}

// Lookup returns the IDs of documents containing term.
func (ix *Indexer) Lookup(term string) []int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return append([]int(nil), ix.index[strings.ToLower(term)]...)
}
