// Package callbacks: helpers reached through callbacks. A callback's
// entry lockset is what the function it is handed to holds where it
// calls it; a callback stored, or a method registered somewhere we do
// not see, has an unknown entry, which never counts as "not held".
package callbacks

import (
	"sync"
	"time"
)

// Server runs its commands under the lock through withTx, which takes
// it, runs the callback on a nested call where the Lua-like caller
// holds it already, or queues it for exec, which takes it.
type Server struct {
	mu       sync.Mutex
	keys     map[string]string
	version  int
	queued   []func()
	inTx     bool
	handlers map[string]func(nested bool)
}

func NewServer() *Server {
	s := &Server{keys: map[string]string{}, handlers: map[string]func(bool){}}
	s.handlers["set"] = s.cmdSet
	s.handlers["del"] = s.cmdDel
	return s
}

func (s *Server) withTx(nested bool, cb func()) {
	if nested {
		cb() // the caller has it already
		return
	}
	if s.inTx {
		s.queued = append(s.queued, cb)
		return
	}
	s.mu.Lock()
	cb()
	s.mu.Unlock()
}

// del writes the maps; each path into it comes with s.mu taken.
func (s *Server) del(k string) {
	delete(s.keys, k)
	s.version++
}

func (s *Server) cmdSet(nested bool) {
	s.withTx(nested, func() {
		s.del("a")
		s.keys["a"] = "b"
		s.version++
	})
}

// cmdDel decides itself: nested, the caller has s.mu already.
func (s *Server) cmdDel(nested bool) {
	if nested {
		s.del("a")
		return
	}
	s.mu.Lock()
	s.del("a")
	s.mu.Unlock()
}

func (s *Server) Exec() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, cb := range s.queued {
		cb()
	}
	s.queued = nil
}

func (s *Server) Get(k string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keys[k]
}

func (s *Server) Set(k, v string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.del(k)
	s.keys[k] = v
	s.version++
}

func (s *Server) Version() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

// Limiter runs every bucket change through locked, which holds l.mu
// around the callback: the callbacks and the helpers they call write
// under the lock, a method value included.
type Limiter struct {
	mu      sync.Mutex
	tokens  map[string]int
	refills int
}

func (l *Limiter) locked(fn func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fn()
}

func (l *Limiter) take(k string) { l.tokens[k]-- }

func (l *Limiter) refill() {
	for k := range l.tokens {
		l.tokens[k] = 10
	}
	l.refills++
}

func (l *Limiter) Allow(k string) { l.locked(func() { l.take(k) }) }

func (l *Limiter) Reset(k string) { l.locked(func() { delete(l.tokens, k) }) }

func (l *Limiter) Count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.tokens) + l.refills
}

func (l *Limiter) Run(stop <-chan struct{}) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			l.locked(l.refill)
		}
	}
}

func (s *Server) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.keys)
}

func (s *Server) Has(k string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.keys[k]
	return ok
}

func (s *Server) Bump() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
}
