package b3_session_open

import (
	"encoding/json"
	"sync"
	"time"
)

type session struct {
	mu       sync.Mutex
	userID   string
	values   map[string]string
	lastSeen time.Time
}

func newSession() *session {
	return &session{values: make(map[string]string)}
}

func (s *session) Get(key string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastSeen = time.Now()
	v, ok := s.values[key]
	return v, ok
}

func (s *session) Set(key, val string) {
	s.mu.Lock()
	s.values[key] = val
	s.lastSeen = time.Now()
	s.mu.Unlock()
}

func (s *session) User() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.userID
}

func (s *session) idleSince(now time.Time) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return now.Sub(s.lastSeen)
}

type persisted struct {
	User   string            `json:"user"`
	Values map[string]string `json:"values"`
	Seen   time.Time         `json:"seen"`
}

// restore fills the session from its persisted form.
func (s *session) restore(blob []byte) error {
	var p persisted
	if err := json.Unmarshal(blob, &p); err != nil {
		return err
	}
	s.userID = p.User // BAD: guarded userID written without s.mu after the session is already in the shared map
	if p.Values != nil {
		s.values = p.Values // BAD: guarded values map replaced without s.mu after the session was published
	}
	s.lastSeen = p.Seen // BAD: guarded lastSeen written without s.mu after the session was published
	return nil
}
