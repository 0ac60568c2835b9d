package chat

import (
	"sync"
	"time"
)

type Server struct {
	mu       sync.Mutex
	sessions map[string]*Session
	lastSeen map[string]time.Time
}

func NewServer() *Server {
	s := &Server{sessions: map[string]*Session{}, lastSeen: map[string]time.Time{}}
	go s.reapLoop(time.Minute)
	return s
}

func (s *Server) Join(id string) *Session {
	sess := &Session{id: id, srv: s}
	s.mu.Lock()
	s.sessions[id] = sess
	s.lastSeen[id] = time.Now()
	s.mu.Unlock()
	return sess
}

func (s *Server) reapLoop(idle time.Duration) {
	for range time.Tick(idle / 2) {
		s.mu.Lock()
		for id, sess := range s.sessions {
			if time.Since(s.lastSeen[id]) > idle {
				sess.expire()
				delete(s.sessions, id)
				delete(s.lastSeen, id)
			}
		}
		s.mu.Unlock()
	}
}

func (s *Server) touch(id string) {
	s.mu.Lock()
	s.lastSeen[id] = time.Now()
	s.mu.Unlock()
}
