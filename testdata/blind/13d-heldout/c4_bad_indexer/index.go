package search

import (
	"io"
	"sort"
	"strings"
	"sync"
)

// Index is an inverted index fed from a document stream.
// Lookup and Close are called serially by the owner.
type Index struct {
	mu       sync.Mutex
	postings map[string]map[string]struct{}

	feed *tailer
}

func NewIndex(stream io.Reader) *Index {
	ix := &Index{postings: make(map[string]map[string]struct{})}
	ix.feed = startTailer(stream, ix.add)
	return ix
}

func (ix *Index) add(id, text string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, w := range strings.Fields(strings.ToLower(text)) {
		set, ok := ix.postings[w]
		if !ok {
			set = make(map[string]struct{})
			ix.postings[w] = set
		}
		set[id] = struct{}{}
	}
}

func (ix *Index) Lookup(word string) []string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var ids []string
	for id := range ix.postings[strings.ToLower(word)] {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func (ix *Index) Close() {
	ix.feed.stop()
	ix.postings = nil
}
