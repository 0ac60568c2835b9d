// Package sessions stores login sessions and evicts idle ones.
package sessions

import (
	"sync"
	"sync/atomic"
	"time"
)

// Session is one authenticated user session.
type Session struct {
	ID       string
	User     string
	LastSeen time.Time
}

// Store keeps sessions in memory.
type Store struct {
	mu       sync.RWMutex
	sessions map[string]*Session
	idle     time.Duration

	started  atomic.Bool
	stop     chan struct{}
	stopOnce sync.Once
	wg       sync.WaitGroup
}

// NewStore returns a store that evicts sessions idle longer than idle.
func NewStore(idle time.Duration) *Store {
	return &Store{
		sessions: make(map[string]*Session),
		idle:     idle,
		stop:     make(chan struct{}),
	}
}

// Run starts the eviction loop once; later calls are no-ops.
func (s *Store) Run(every time.Duration) {
	if !s.started.CompareAndSwap(false, true) {
		return
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case now := <-t.C:
				s.evict(now)
			}
		}
	}()
}

func (s *Store) evict(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, sess := range s.sessions {
		if now.Sub(sess.LastSeen) > s.idle {
			delete(s.sessions, id)
		}
	}
}

// Touch records activity for a session, creating it if needed.
func (s *Store) Touch(id, user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess, ok := s.sessions[id]
	if !ok {
		sess = &Session{ID: id, User: user}
		s.sessions[id] = sess
	}
	sess.LastSeen = time.Now()
}

// Lookup returns the session for id.
func (s *Store) Lookup(id string) (Session, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	sess, ok := s.sessions[id]
	if !ok {
		return Session{}, false
	}
	return *sess, true
}

// Close stops the eviction loop and waits for it.
func (s *Store) Close() {
	s.stopOnce.Do(func() { close(s.stop) })
	s.wg.Wait()
}
