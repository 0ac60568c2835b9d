package b3_session_open

import (
	"sync"
	"time"
)

// Backend loads persisted sessions, e.g. from Redis.
type Backend interface {
	Load(id string) ([]byte, error)
}

type Store struct {
	mu       sync.Mutex
	sessions map[string]*session
	backend  Backend
}

func NewStore(b Backend) *Store {
	return &Store{sessions: make(map[string]*session), backend: b}
}

// Open returns the live session for id, loading it from the backend on first use.
// Concurrent requests for the same id share one *session.
func (st *Store) Open(id string) (*session, error) {
	st.mu.Lock()
	if s, ok := st.sessions[id]; ok {
		st.mu.Unlock()
		return s, nil
	}
	s := newSession()
	st.sessions[id] = s
	st.mu.Unlock()

	// Load outside the store lock so one slow backend call does not block
	// every other request.
	blob, err := st.backend.Load(id)
	if err != nil {
		return s, nil // start with an empty session
	}
	if err := s.restore(blob); err != nil {
		return nil, err
	}
	return s, nil
}

// Sweep drops sessions idle for longer than ttl.
func (st *Store) Sweep(ttl time.Duration) int {
	now := time.Now()
	st.mu.Lock()
	defer st.mu.Unlock()
	n := 0
	for id, s := range st.sessions {
		if s.idleSince(now) > ttl {
			delete(st.sessions, id)
			n++
		}
	}
	return n
}
