package docstore

import (
	"sort"
	"sync"
)

type prefixIndexer struct {
	store  *Store
	mu     sync.Mutex
	sorted map[string][]string
}

func newPrefixIndexer(s *Store) Indexer {
	return &prefixIndexer{store: s, sorted: map[string][]string{}}
}

func (p *prefixIndexer) Reindex(prefix string) int {
	keys := p.store.keysWithPrefix(prefix)
	sort.Strings(keys)
	p.mu.Lock()
	p.sorted[prefix] = keys
	p.mu.Unlock()
	return len(keys)
}
