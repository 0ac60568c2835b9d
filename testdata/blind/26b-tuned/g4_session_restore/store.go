package g4_session_restore

import (
	"errors"
	"sync"
	"time"
)

var ErrNotFound = errors.New("session not found")

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
func (st *Store) Open(id string) (*session, error) {
	st.mu.Lock()
	s, ok := st.sessions[id]
	st.mu.Unlock()
	if ok {
		return s, nil
	}

	// Build and hydrate the session privately, outside the store lock.
	fresh := newSession()
	if err := st.hydrate(fresh, id); err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}

	st.mu.Lock()
	defer st.mu.Unlock()
	if s, ok := st.sessions[id]; ok {
		return s, nil // another request won the race; use its session
	}
	st.sessions[id] = fresh
	return fresh, nil
}

func (st *Store) hydrate(s *session, id string) error {
	blob, err := st.backend.Load(id)
	if err != nil {
		return err
	}
	if len(blob) == 0 {
		return ErrNotFound
	}
	return s.decode(blob)
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
