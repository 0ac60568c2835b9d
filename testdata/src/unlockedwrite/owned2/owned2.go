// Package owned2 holds fields a run loop owns, touched once elsewhere:
// by an exported method or a timer callback, which any goroutine may
// run beside the loop.
package owned2

import (
	"sort"
	"sync"
	"time"
)

type Session struct {
	mu      sync.Mutex
	lastErr error

	acks    chan int
	quit    chan struct{}
	done    chan struct{}
	unacked []int
	resent  int
}

func NewSession() *Session {
	s := &Session{acks: make(chan int), quit: make(chan struct{}), done: make(chan struct{})}
	go s.run()
	return s
}

func (s *Session) run() {
	defer close(s.done)
	for {
		select {
		case a := <-s.acks:
			s.unacked = append(s.unacked, a)
			s.resent++ // want `write to s.resent in the goroutine running run without a lock, while Resent`
		case <-s.quit:
			return
		}
	}
}

// Reset clears the loop's list while the loop appends to it.
func (s *Session) Reset() {
	s.unacked = nil // want `write to s.unacked in Reset without a lock, while the goroutine running run accesses it`
	s.mu.Lock()
	s.lastErr = nil
	s.mu.Unlock()
}

// Resent reads the loop's counter with nothing to order it.
func (s *Session) Resent() int {
	return s.resent
}

// Close waits for the loop to return first: its write races with
// nothing.
func (s *Session) Close() {
	close(s.quit)
	<-s.done
	s.unacked = nil
}

type Engine struct {
	mu      sync.Mutex
	handled int

	in      chan int
	expired int
}

func NewEngine() *Engine {
	e := &Engine{in: make(chan int)}
	go e.loop()
	return e
}

func (e *Engine) loop() {
	for range e.in {
		e.dispatch()
		e.complete()
	}
}

func (e *Engine) dispatch() {
	time.AfterFunc(time.Second, func() {
		e.expired++ // want `write to e.expired in func literal in dispatch without a lock`
	})
}

func (e *Engine) complete() {
	e.mu.Lock()
	e.handled++
	if e.expired > 0 {
		e.expired = 0
	}
	e.mu.Unlock()
}

// Sorter's loop sorts its own list: sort.Slice calls the literal on
// the loop's goroutine, not on a goroutine of its own.
type Sorter struct {
	in   chan int
	list []int
}

func NewSorter() *Sorter {
	s := &Sorter{in: make(chan int)}
	go s.loop()
	return s
}

func (s *Sorter) loop() {
	for v := range s.in {
		s.list = append(s.list, v) // silent: the less function runs here too
		sort.Slice(s.list, func(i, j int) bool { return s.list[i] < s.list[j] })
	}
}
