// GOOD: the keepalive goroutine started by Open reads and updates s.seq and s.missed
// while holding s.mu, and the exported Reset takes the same s.mu before writing them,
// so Reset can be called at any time without a race.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Pinger sends one keepalive and reports whether it was acknowledged.
type Pinger interface {
	Ping(seq uint64) bool
}

type flakyPinger struct{}

func (flakyPinger) Ping(seq uint64) bool { return seq%3 != 0 }

// Session tracks the health of a long-lived connection.
type Session struct {
	mu     sync.Mutex
	p      Pinger
	seq    uint64
	missed int
	done   chan struct{}
}

// Open creates a session and starts its keepalive loop.
func Open(p Pinger, every time.Duration) *Session {
	s := &Session{p: p, done: make(chan struct{})}
	go s.keepalive(every)
	return s
}

func (s *Session) keepalive(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.mu.Lock()
			s.seq++
			seq := s.seq
			s.mu.Unlock()
			ok := s.p.Ping(seq)
			s.mu.Lock()
			if !ok {
				s.missed++
			}
			s.mu.Unlock()
		case <-s.done:
			return
		}
	}
}

// Reset clears the health counters, e.g. after a successful application-level reply.
func (s *Session) Reset() {
	s.mu.Lock()
	s.seq = 0
	s.missed = 0
	s.mu.Unlock()
}

// Missed reports how many keepalives were not acknowledged since the last Reset.
func (s *Session) Missed() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.missed
}

// Close stops the keepalive loop.
func (s *Session) Close() { close(s.done) }

func main() {
	s := Open(flakyPinger{}, time.Millisecond)
	time.Sleep(15 * time.Millisecond)
	fmt.Println("missed before reset:", s.Missed())
	s.Reset()
	time.Sleep(15 * time.Millisecond)
	fmt.Println("missed after reset:", s.Missed())
	s.Close()
}
