package docstore

import (
	"strings"
	"sync"
)

type Indexer interface {
	Reindex(prefix string) int
}

type Store struct {
	mu    sync.Mutex
	docs  map[string]string
	index Indexer
	dirty int
}

func Open() *Store {
	s := &Store{docs: map[string]string{}}
	s.index = newPrefixIndexer(s)
	return s
}

func (s *Store) keysWithPrefix(prefix string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k := range s.docs {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	return out
}

func (s *Store) Put(key, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[key] = body
	s.dirty++
	if s.dirty >= 100 {
		dir, _, _ := strings.Cut(key, "/")
		s.index.Reindex(dir + "/")
		s.dirty = 0
	}
}

func (s *Store) Get(key string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.docs[key]
	return b, ok
}
