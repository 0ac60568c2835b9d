package main

import (
	"fmt"
	"sync"
	"time"
)

type session struct {
	user     string
	lastSeen time.Time
}

// SessionStore expires idle sessions from a background janitor loop.
type SessionStore struct {
	mu       sync.Mutex
	sessions map[string]session

	idle    time.Duration
	sweeps  int
	lastRun time.Time
	stop    chan struct{}
	done    chan struct{}
}

func NewSessionStore(idle time.Duration) *SessionStore {
	s := &SessionStore{sessions: make(map[string]session), idle: idle}
	s.start()
	return s
}

func (s *SessionStore) start() {
	s.stop = make(chan struct{})
	s.done = make(chan struct{})
	go s.janitor(s.stop, s.done)
}

func (s *SessionStore) janitor(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			limit := now.Add(-s.idle)
			s.mu.Lock()
			for id, sess := range s.sessions {
				if sess.lastSeen.Before(limit) {
					delete(s.sessions, id)
				}
			}
			s.mu.Unlock()
			s.sweeps++
			s.lastRun = now
		}
	}
}

func (s *SessionStore) Touch(id, user string) {
	s.mu.Lock()
	s.sessions[id] = session{user: user, lastSeen: time.Now()}
	s.mu.Unlock()
}

// Stop halts the janitor and waits until it has returned.
func (s *SessionStore) Stop() {
	close(s.stop)
	<-s.done
}

// SetIdleTimeout restarts the janitor with a new idle timeout.
func (s *SessionStore) SetIdleTimeout(idle time.Duration) {
	s.Stop()
	fmt.Printf("janitor stopped after %d sweeps (last %s)\n", s.sweeps, s.lastRun.Format("15:04:05.000"))
	s.idle = idle
	s.sweeps = 0
	s.start()
}

func main() {
	st := NewSessionStore(3 * time.Millisecond)
	for i := 0; i < 12; i++ {
		st.Touch(fmt.Sprintf("sid-%02d", i), "user")
		if i == 5 {
			st.SetIdleTimeout(6 * time.Millisecond)
		}
		time.Sleep(time.Millisecond)
	}
	st.Stop()
	st.mu.Lock()
	fmt.Println("live sessions:", len(st.sessions), "sweeps:", st.sweeps)
	st.mu.Unlock()
}
