// Package fenced: Adds fenced by a closed state under a lock. // want package:"analyzed, dependencies too"
package fenced

import (
	"sync"
	"sync/atomic"
)

// A hedging coordinator: acquire adds under mu only while done is
// clear; finish sets done under mu before it waits. Each Add is
// ordered before the Wait or does not happen.
type sharer struct {
	mu       sync.Mutex
	done     atomic.Bool
	inflight sync.WaitGroup
}

func (s *sharer) acquire() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done.Load() {
		return false
	}
	s.inflight.Add(1)
	return true
}

func (s *sharer) release() { s.inflight.Done() }

func (s *sharer) cancelAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done.Store(true)
}

func (s *sharer) wait() { s.inflight.Wait() }

func attempt(s *sharer) {
	if !s.acquire() {
		return
	}
	defer s.release()
	work()
}

func publish() {
	s := &sharer{}
	go attempt(s) // silent: fenced by done under mu
	work()
	s.cancelAll()
	s.wait()
}

func work() {}

// The same with a plain bool flag, tested and set in place.
type plain struct {
	mu      sync.Mutex
	stopped bool
	wg      sync.WaitGroup
}

func (p *plain) run() {
	p.mu.Lock()
	if p.stopped {
		p.mu.Unlock()
		return
	}
	p.wg.Add(1)
	p.mu.Unlock()
	defer p.wg.Done()
	work()
}

func (p *plain) stop() {
	go p.run() // silent
	p.mu.Lock()
	p.stopped = true
	p.mu.Unlock()
	p.wg.Wait()
}

// The flag is cleared again: a restart lets an Add follow the Wait.
type restart struct {
	mu      sync.Mutex
	stopped bool
	wg      sync.WaitGroup
}

func (r *restart) run() {
	r.mu.Lock()
	if r.stopped {
		r.mu.Unlock()
		return
	}
	r.wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
	r.mu.Unlock()
	defer r.wg.Done()
	work()
}

func (r *restart) stop() {
	go r.run()
	r.mu.Lock()
	r.stopped = true
	r.mu.Unlock()
	r.wg.Wait()
}

func (r *restart) reset() {
	r.mu.Lock()
	r.stopped = false
	r.mu.Unlock()
}

// The flag is set outside the mutex: the test may read it clear while
// the Wait already runs.
type unlocked struct {
	mu      sync.Mutex
	stopped atomic.Bool
	wg      sync.WaitGroup
}

func (u *unlocked) run() {
	u.mu.Lock()
	if u.stopped.Load() {
		u.mu.Unlock()
		return
	}
	u.mu.Unlock()
	u.wg.Add(1) // want `sync.WaitGroup.Add called inside the goroutine it accounts for`
	defer u.wg.Done()
	work()
}

func (u *unlocked) stop() {
	go u.run()
	u.stopped.Store(true)
	u.wg.Wait()
}

// A Wait that runs without setting the flag first.
type early struct {
	mu      sync.Mutex
	stopped bool
	wg      sync.WaitGroup
}

func (e *early) run() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.stopped {
		return
	}
	e.wg.Add(1) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait`
	go func() { defer e.wg.Done() }()
}

func (e *early) flush() {
	go e.run()
	e.wg.Wait()
	e.mu.Lock()
	e.stopped = true
	e.mu.Unlock()
}
