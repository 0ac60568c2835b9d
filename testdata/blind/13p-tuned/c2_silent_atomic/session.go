package main

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Session accumulates output for one client until it is closed.
type Session struct {
	mu     sync.Mutex
	closed atomic.Bool
	out    *bytes.Buffer
	events []string
}

func NewSession() *Session {
	return &Session{out: bufPool.Get().(*bytes.Buffer)}
}

func (s *Session) Printf(format string, args ...any) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed.Load() {
		return false
	}
	fmt.Fprintf(s.out, format, args...)
	s.events = append(s.events, "printf")
	return true
}

func (s *Session) Snapshot() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed.Load() {
		return ""
	}
	return s.out.String()
}

func (s *Session) Close() int {
	s.mu.Lock()
	if !s.closed.CompareAndSwap(false, true) {
		s.mu.Unlock()
		return 0
	}
	s.mu.Unlock()

	n := len(s.events)
	s.out.Reset()
	bufPool.Put(s.out)
	s.out = nil
	s.events = nil
	return n
}

func main() {
	s := NewSession()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				if !s.Printf("w%d:%d ", i, j) {
					return
				}
				if j == 50 && i == 3 {
					fmt.Println("closed with", s.Close(), "events")
				}
			}
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = s.Snapshot()
		s.Close()
	}()
	wg.Wait()
}
