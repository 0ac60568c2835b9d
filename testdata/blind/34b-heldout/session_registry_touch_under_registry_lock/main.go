// GOOD: session.lastSeen is guarded by Registry.mu, not by session.mu (which only
// guards attrs); Touch, Get and Expire all read and write lastSeen while holding
// Registry.mu, so Expire's write under Registry.mu is properly synchronized.
package main

import (
	"fmt"
	"sync"
	"time"
)

// session holds per-login state.
type session struct {
	id string

	mu    sync.Mutex
	attrs map[string]string

	// lastSeen and expired are guarded by Registry.mu.
	lastSeen time.Time
	expired  bool
}

func (s *session) set(k, v string) {
	s.mu.Lock()
	s.attrs[k] = v
	s.mu.Unlock()
}

func (s *session) get(k string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attrs[k]
}

// Registry tracks live sessions.
type Registry struct {
	mu       sync.Mutex
	sessions map[string]*session
	ttl      time.Duration
}

func NewRegistry(ttl time.Duration) *Registry {
	return &Registry{sessions: make(map[string]*session), ttl: ttl}
}

// Touch returns the session for id, creating it if needed, and marks it active.
func (r *Registry) Touch(id string) *session {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.sessions[id]
	if !ok || s.expired {
		s = &session{id: id, attrs: make(map[string]string)}
		r.sessions[id] = s
	}
	s.lastSeen = time.Now()
	return s
}

// Expire marks and drops sessions idle for longer than the TTL.
func (r *Registry) Expire(now time.Time) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for id, s := range r.sessions {
		if now.Sub(s.lastSeen) > r.ttl {
			s.expired = true
			delete(r.sessions, id)
			n++
		}
	}
	return n
}

func (r *Registry) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.sessions)
}

func main() {
	r := NewRegistry(3 * time.Millisecond)
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				s := r.Touch(fmt.Sprintf("user-%d", (i+j)%7))
				s.set("page", fmt.Sprint(j))
				_ = s.get("page")
				time.Sleep(100 * time.Microsecond)
			}
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for k := 0; k < 10; k++ {
			time.Sleep(time.Millisecond)
			r.Expire(time.Now())
		}
	}()
	wg.Wait()
	fmt.Println("live sessions:", r.Len())
}
