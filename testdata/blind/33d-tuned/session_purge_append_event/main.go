// BAD: Purge holds only the table's read lock and markStale appends to s.events without
// s.mu, while request handlers append and read s.events under s.mu; two concurrent Purge
// calls or a handler can race on the slice.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Session struct {
	ID string

	mu       sync.Mutex
	events   []string
	lastSeen time.Time
}

func (s *Session) Record(ev string) {
	s.mu.Lock()
	s.events = append(s.events, ev)
	s.lastSeen = time.Now()
	s.mu.Unlock()
}

func (s *Session) History() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, len(s.events))
	copy(out, s.events)
	return out
}

func (s *Session) LastSeen() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastSeen
}

func markStale(s *Session, reason string) {
	s.events = append(s.events, "stale: "+reason) // want "without holding"
}

type Table struct {
	mu       sync.RWMutex
	sessions map[string]*Session
}

func NewTable() *Table { return &Table{sessions: make(map[string]*Session)} }

func (t *Table) Open(id string) *Session {
	t.mu.Lock()
	defer t.mu.Unlock()
	s, ok := t.sessions[id]
	if !ok {
		s = &Session{ID: id, lastSeen: time.Now()}
		t.sessions[id] = s
	}
	return s
}

func (t *Table) Lookup(id string) *Session {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.sessions[id]
}

// Purge flags sessions idle for longer than maxIdle. It is called from the
// admin endpoint and from the health checker, concurrently with request traffic.
func (t *Table) Purge(maxIdle time.Duration) int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	n := 0
	for _, s := range t.sessions {
		if time.Since(s.LastSeen()) > maxIdle {
			markStale(s, fmt.Sprintf("idle > %s", maxIdle))
			n++
		}
	}
	return n
}

func handle(t *Table, id, action string) {
	s := t.Lookup(id)
	if s == nil {
		s = t.Open(id)
	}
	s.Record(action)
}

func main() {
	t := NewTable()
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(2)
		go func(i int) {
			defer wg.Done()
			handle(t, fmt.Sprintf("user-%d", i%3), "click")
		}(i)
		go func() {
			defer wg.Done()
			t.Purge(0)
		}()
	}
	wg.Wait()
	fmt.Println(t.Lookup("user-0").History())
}
