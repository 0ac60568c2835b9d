// BAD: Session objects live in the store and are shared by every in-flight request
// for that user; Logout calls Clear from another goroutine while handlers are still
// calling Get/Set, and Clear replaces s.attrs without taking s.mu.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Session struct {
	ID string

	mu    sync.Mutex
	attrs map[string]string
	seen  time.Time
}

func newSession(id string) *Session {
	return &Session{ID: id, attrs: make(map[string]string), seen: time.Now()}
}

func (s *Session) Get(k string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen = time.Now()
	return s.attrs[k]
}

func (s *Session) Set(k, v string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen = time.Now()
	s.attrs[k] = v
}

func (s *Session) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.attrs)
}

// Clear forgets everything stored in the session but keeps the ID so the
// client's cookie stays valid.
func (s *Session) Clear() {
	s.attrs = make(map[string]string) // want "without holding"
}

type SessionStore struct {
	mu       sync.Mutex
	sessions map[string]*Session
}

func NewSessionStore() *SessionStore {
	return &SessionStore{sessions: make(map[string]*Session)}
}

func (st *SessionStore) Lookup(id string) *Session {
	st.mu.Lock()
	defer st.mu.Unlock()
	s, ok := st.sessions[id]
	if !ok {
		s = newSession(id)
		st.sessions[id] = s
	}
	return s
}

func (st *SessionStore) Logout(id string) {
	st.Lookup(id).Clear()
}

func handleCart(st *SessionStore, sid string, item int) {
	s := st.Lookup(sid)
	s.Set(fmt.Sprintf("item-%d", item), "1")
	_ = s.Get("user")
}

func main() {
	st := NewSessionStore()
	st.Lookup("abc").Set("user", "alice")

	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			handleCart(st, "abc", n)
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		st.Logout("abc")
	}()
	wg.Wait()
	fmt.Println("items:", st.Lookup("abc").Len())
}
