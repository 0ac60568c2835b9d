// BAD: Expire holds Registry.mu and calls markExpired, which stores s.state without
// s.mu; handlers read and change s.state under s.mu after releasing Registry.mu,
// so the helper's store races with them.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type sessionState int

const (
	stateActive sessionState = iota
	stateExpired
)

var errExpired = errors.New("session expired")

// Session is one authenticated client session.
type Session struct {
	ID      string
	created time.Time

	mu    sync.Mutex
	state sessionState
	hits  int
}

func (s *Session) Use() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == stateExpired {
		return errExpired
	}
	s.hits++
	return nil
}

func (s *Session) Hits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits
}

// Registry maps session IDs to sessions.
type Registry struct {
	mu       sync.Mutex
	sessions map[string]*Session
	maxAge   time.Duration
}

func NewRegistry(maxAge time.Duration) *Registry {
	return &Registry{sessions: make(map[string]*Session), maxAge: maxAge}
}

func (r *Registry) Open(id string) *Session {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := &Session{ID: id, created: time.Now()}
	r.sessions[id] = s
	return s
}

func (r *Registry) Lookup(id string) (*Session, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.sessions[id]
	return s, ok
}

func markExpired(s *Session) {
	s.state = stateExpired // want "without holding"
}

// Expire invalidates every session older than maxAge.
func (r *Registry) Expire(now time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for id, s := range r.sessions {
		if now.Sub(s.created) > r.maxAge {
			markExpired(s)
			delete(r.sessions, id)
		}
	}
}

func main() {
	r := NewRegistry(2 * time.Millisecond)
	for i := 0; i < 8; i++ {
		r.Open(fmt.Sprintf("sess-%d", i))
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			s, ok := r.Lookup(id)
			if !ok {
				return
			}
			for s.Use() == nil && s.Hits() < 1000 {
				time.Sleep(10 * time.Microsecond)
			}
			fmt.Printf("%s: %d hits\n", s.ID, s.Hits())
		}(fmt.Sprintf("sess-%d", i))
	}
	time.Sleep(3 * time.Millisecond)
	r.Expire(time.Now())
	wg.Wait()
}
