// Correct: every Add is made by the starting goroutine before its go statement (in NewIndexer and Reindex), and each Wait runs only after all those starts.
package g3_search_indexer

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Doc is a document to index.
type Doc struct {
	ID   string
	Text string
}

// Indexer builds an inverted index with a fixed set of background workers.
type Indexer struct {
	docs chan Doc
	wg   sync.WaitGroup

	mu    sync.RWMutex
	index map[string]map[string]struct{}
}

// NewIndexer starts workers goroutines that consume documents from Add.
func NewIndexer(workers int) *Indexer {
	if workers < 1 {
		workers = 1
	}
	ix := &Indexer{
		docs:  make(chan Doc, 64),
		index: make(map[string]map[string]struct{}),
	}
	ix.wg.Add(workers)
	for i := 0; i < workers; i++ {
		go ix.worker()
	}
	return ix
}

func (ix *Indexer) worker() {
	defer ix.wg.Done()
	for d := range ix.docs {
		ix.indexDoc(d)
	}
}

func (ix *Indexer) indexDoc(d Doc) {
	words := strings.FieldsFunc(strings.ToLower(d.Text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, w := range words {
		set := ix.index[w]
		if set == nil {
			set = make(map[string]struct{})
			ix.index[w] = set
		}
		set[d.ID] = struct{}{}
	}
}

// Add queues d for indexing. It must not be called after Close.
func (ix *Indexer) Add(d Doc) { ix.docs <- d }

// Reindex indexes docs synchronously, one goroutine per batch.
func (ix *Indexer) Reindex(docs []Doc, batch int) {
	if batch < 1 {
		batch = len(docs)
	}
	var wg sync.WaitGroup
	for start := 0; start < len(docs); start += batch {
		end := min(start+batch, len(docs))
		wg.Add(1)
		go func(part []Doc) {
			defer wg.Done()
			for _, d := range part {
				ix.indexDoc(d)
			}
		}(docs[start:end])
	}
	wg.Wait()
}

// Lookup returns the sorted IDs of documents containing word.
func (ix *Indexer) Lookup(word string) []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var ids []string
	for id := range ix.index[strings.ToLower(word)] {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Close stops accepting documents and waits for the workers to drain the queue.
func (ix *Indexer) Close() {
	close(ix.docs)
	ix.wg.Wait()
}
