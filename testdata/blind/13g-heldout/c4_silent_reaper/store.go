package sessions

import (
	"sync"
	"time"
)

type entry struct {
	user    string
	expires time.Time
}

type Store struct {
	ttl time.Duration

	mu    sync.RWMutex
	items map[string]entry

	halt     chan struct{}
	haltOnce sync.Once
	exited   chan struct{}
}

func NewStore(ttl, sweep time.Duration) *Store {
	s := &Store{
		ttl:    ttl,
		items:  make(map[string]entry),
		halt:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	go s.reap(sweep)
	return s
}

func (s *Store) Put(token, user string) {
	s.mu.Lock()
	s.items[token] = entry{user: user, expires: time.Now().Add(s.ttl)}
	s.mu.Unlock()
}

func (s *Store) Lookup(token string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := s.items[token]
	if !ok || time.Now().After(e.expires) {
		return "", false
	}
	return e.user, true
}
