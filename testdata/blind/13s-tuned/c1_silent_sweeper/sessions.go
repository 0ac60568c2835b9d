package sweeper

import (
	"sync"
	"time"
)

type session struct {
	user     string
	lastSeen time.Time
}

// SessionStore expires idle sessions from a background sweeper.
type SessionStore struct {
	mu       sync.Mutex
	sessions map[string]*session
	idle     time.Duration
	stop     chan struct{}
	wg       sync.WaitGroup

	// Owned by the sweeper goroutine while it runs.
	swept   int
	lastRun time.Time
}

func NewSessionStore(idle time.Duration) *SessionStore {
	return &SessionStore{sessions: make(map[string]*session), idle: idle}
}

func (s *SessionStore) Touch(id, user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sess, ok := s.sessions[id]; ok {
		sess.lastSeen = time.Now()
		return
	}
	s.sessions[id] = &session{user: user, lastSeen: time.Now()}
}

// Restart stops the current sweeper, waits for it to exit, resets the
// sweep counters and starts a new sweeper.
func (s *SessionStore) Restart(every time.Duration) {
	s.mu.Lock()
	stop := s.stop
	s.stop = nil
	s.mu.Unlock()

	if stop != nil {
		close(stop)
		s.wg.Wait()
	}

	s.mu.Lock()
	s.swept = 0
	s.lastRun = time.Time{}
	s.stop = make(chan struct{})
	stop = s.stop
	s.mu.Unlock()

	s.wg.Add(1)
	go s.sweep(every, stop)
}

func (s *SessionStore) Close() (swept int) {
	s.mu.Lock()
	stop := s.stop
	s.stop = nil
	s.mu.Unlock()
	if stop != nil {
		close(stop)
	}
	s.wg.Wait()
	return s.swept
}

func (s *SessionStore) sweep(every time.Duration, stop <-chan struct{}) {
	defer s.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			n := 0
			s.mu.Lock()
			for id, sess := range s.sessions {
				if now.Sub(sess.lastSeen) > s.idle {
					delete(s.sessions, id)
					n++
				}
			}
			s.mu.Unlock()
			s.swept += n
			s.lastRun = now
		}
	}
}
