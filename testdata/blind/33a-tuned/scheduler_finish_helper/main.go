// BAD: workers call finishLocked with s.mu held and it sends on s.done; WaitOne locks s.mu to count itself as a waiter
// before receiving, so a worker that finishes first holds s.mu blocked on the send while WaitOne blocks on the Lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type jobResult struct {
	name    string
	elapsed time.Duration
	err     error
}

type Scheduler struct {
	mu        sync.Mutex
	running   int
	completed int
	waiting   int
	done      chan jobResult
}

func NewScheduler() *Scheduler {
	return &Scheduler{done: make(chan jobResult)}
}

// Submit runs fn on its own goroutine.
func (s *Scheduler) Submit(name string, fn func() error) {
	s.mu.Lock()
	s.running++
	s.mu.Unlock()
	go s.run(name, fn)
}

func (s *Scheduler) run(name string, fn func() error) {
	start := time.Now()
	err := fn()
	res := jobResult{name: name, elapsed: time.Since(start), err: err}

	s.mu.Lock()
	s.running--
	s.finishLocked(res)
	s.mu.Unlock()
}

// finishLocked records a finished job. s.mu must be held.
func (s *Scheduler) finishLocked(res jobResult) {
	s.completed++
	s.done <- res // want "while holding"
}

// WaitOne blocks until some job finishes.
func (s *Scheduler) WaitOne() jobResult {
	s.mu.Lock()
	s.waiting++
	s.mu.Unlock()
	res := <-s.done
	s.mu.Lock()
	s.waiting--
	s.mu.Unlock()
	return res
}

func main() {
	s := NewScheduler()
	jobs := []string{"compact", "reindex", "vacuum"}
	for _, j := range jobs {
		s.Submit(j, func() error {
			time.Sleep(5 * time.Millisecond)
			return nil
		})
	}
	for range jobs {
		r := s.WaitOne()
		fmt.Printf("%s finished in %v (err=%v)\n", r.name, r.elapsed, r.err)
	}
}
