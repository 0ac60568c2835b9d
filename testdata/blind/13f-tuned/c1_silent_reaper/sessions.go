// Package sessions keeps login sessions in memory and expires idle ones.
package sessions

import (
	"sync"
	"time"
)

type Session struct {
	Token    string
	User     string
	LastSeen time.Time

	reaping bool
	expired bool
}

type Store struct {
	mu       sync.Mutex
	sessions map[string]*Session
	idle     time.Duration
	onExpire func(user string)
	wg       sync.WaitGroup
}

func NewStore(idle time.Duration, onExpire func(string)) *Store {
	return &Store{sessions: make(map[string]*Session), idle: idle, onExpire: onExpire}
}

func (st *Store) Touch(token, user string, now time.Time) {
	st.mu.Lock()
	defer st.mu.Unlock()
	s, ok := st.sessions[token]
	if !ok {
		s = &Session{Token: token, User: user}
		st.sessions[token] = s
	}
	s.LastSeen = now
}

// Sweep starts one expiry goroutine per idle session.
func (st *Store) Sweep(now time.Time) {
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, s := range st.sessions {
		if s.reaping || s.expired {
			continue
		}
		if now.Sub(s.LastSeen) < st.idle {
			continue
		}
		s.reaping = true
		st.wg.Add(1)
		go st.expire(s)
	}
}

func (st *Store) expire(s *Session) {
	defer st.wg.Done()
	st.mu.Lock()
	if s.expired {
		st.mu.Unlock()
		panic("sessions: session " + s.Token + " expired twice")
	}
	s.expired = true
	delete(st.sessions, s.Token)
	st.mu.Unlock()
	if st.onExpire != nil {
		st.onExpire(s.User)
	}
}

func (st *Store) Wait() { st.wg.Wait() }
