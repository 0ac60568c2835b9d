// Correct: decode writes without s.mu only on the session built in Open, before it is inserted into the shared Store map.
package g4_session_restore

import (
	"bytes"
	"encoding/gob"
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
	return &session{values: make(map[string]string), lastSeen: time.Now()}
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

type record struct {
	User   string
	Values map[string]string
	Seen   time.Time
}

// decode fills s from a gob-encoded record.
func (s *session) decode(blob []byte) error {
	var rec record
	if err := gob.NewDecoder(bytes.NewReader(blob)).Decode(&rec); err != nil {
		return err
	}
	s.userID = rec.User
	if rec.Values != nil {
		s.values = rec.Values
	}
	s.lastSeen = rec.Seen
	return nil
}
