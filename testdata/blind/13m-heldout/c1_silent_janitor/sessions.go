package main

import (
	"fmt"
	"sync"
	"time"
)

type session struct {
	user    string
	expires time.Time
}

// SessionStore keeps login sessions with a sliding TTL.
type SessionStore struct {
	mu       sync.RWMutex
	sessions map[string]*session
	evicted  int
	ttl      time.Duration
	stop     chan struct{}
}

func NewSessionStore(ttl time.Duration) *SessionStore {
	st := &SessionStore{
		sessions: make(map[string]*session),
		ttl:      ttl,
		stop:     make(chan struct{}),
	}
	go st.janitor(ttl / 2)
	return st
}

func (st *SessionStore) touch(id string, now time.Time) {
	if s, ok := st.sessions[id]; ok {
		s.expires = now.Add(st.ttl)
	}
}

func (st *SessionStore) evict(now time.Time) {
	for id, s := range st.sessions {
		if now.After(s.expires) {
			delete(st.sessions, id)
			st.evicted++
		}
	}
}

func (st *SessionStore) Create(id, user string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.sessions[id] = &session{user: user, expires: time.Now().Add(st.ttl)}
}

func (st *SessionStore) Lookup(id string) (string, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	s, ok := st.sessions[id]
	if !ok {
		return "", false
	}
	st.touch(id, time.Now())
	return s.user, true
}

// Sweep runs an eviction pass on demand.
func (st *SessionStore) Sweep() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	before := st.evicted
	st.evict(time.Now())
	return st.evicted - before
}

func (st *SessionStore) Len() int {
	st.mu.RLock()
	defer st.mu.RUnlock()
	return len(st.sessions)
}

// janitor periodically drops expired sessions.
func (st *SessionStore) janitor(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-st.stop:
			return
		case now := <-t.C:
			st.mu.Lock()
			st.evict(now)
			st.mu.Unlock()
		}
	}
}

func (st *SessionStore) Close() { close(st.stop) }

func main() {
	st := NewSessionStore(2 * time.Millisecond)
	defer st.Close()
	for i := 0; i < 200; i++ {
		id := fmt.Sprintf("s%d", i%20)
		st.Create(id, "user")
		st.Lookup(id)
		time.Sleep(50 * time.Microsecond)
	}
	fmt.Println("swept:", st.Sweep(), "live sessions:", st.Len())
}
