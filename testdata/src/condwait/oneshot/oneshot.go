// Package oneshot: a Wait that checks nothing, for state a background
// goroutine publishes once.
package oneshot

import (
	"sync"
	"time"
)

type Config struct{ Port int }

// Store is filled once by a background refresh.
type Store struct {
	mu    sync.Mutex
	ready *sync.Cond
	cfg   *Config
	err   error
}

func NewStore() *Store {
	s := &Store{}
	s.ready = sync.NewCond(&s.mu)
	return s
}

func (s *Store) refresh(read func() (*Config, error)) {
	cfg, err := read()
	s.mu.Lock()
	s.cfg, s.err = cfg, err
	s.ready.Broadcast()
	s.mu.Unlock()
}

// Boot starts the refresh on its own: it may finish before any Current.
func Boot(read func() (*Config, error)) *Store {
	s := NewStore()
	go s.refresh(read)
	return s
}

// Bad: if refresh already broadcast, nobody wakes this Wait.
func (s *Store) Current() (*Config, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ready.Wait() // want `sync.Cond.Wait checks no condition: it blocks for ever if the signal came before it`
	return s.cfg, s.err
}

// Near-misses, silent.

// The loop re-checks what refresh publishes.
func (s *Store) CurrentLoop() (*Config, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.cfg == nil && s.err == nil {
		s.ready.Wait()
	}
	return s.cfg, s.err
}

// Checked once under the lock: refresh can only publish after the
// Wait released it, so its Broadcast wakes this Wait.
func (s *Store) CurrentChecked() (*Config, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cfg != nil || s.err != nil {
		return s.cfg, s.err
	}
	s.ready.Wait()
	return s.cfg, s.err
}

// The waiter starts the publisher while it holds the lock: the
// publisher's Broadcast cannot come before the Wait.
type Job struct {
	mu   sync.Mutex
	done *sync.Cond
	out  int
}

func (j *Job) finish(v int) {
	j.mu.Lock()
	j.out = v
	j.done.Broadcast()
	j.mu.Unlock()
}

func Run(v int) int {
	j := &Job{}
	j.done = sync.NewCond(&j.mu)
	j.mu.Lock()
	defer j.mu.Unlock()
	go j.finish(v)
	j.done.Wait()
	return j.out
}

// A clock that broadcasts every tick: a Wait for the next tick is
// woken by a later one.
type Clock struct {
	mu   sync.Mutex
	tick *sync.Cond
	now  time.Time
}

func (c *Clock) run() {
	for t := range time.Tick(time.Second) {
		c.mu.Lock()
		c.now = t
		c.tick.Broadcast()
		c.mu.Unlock()
	}
}

func StartClock() *Clock {
	c := &Clock{}
	c.tick = sync.NewCond(&c.mu)
	go c.run()
	return c
}

func (c *Clock) Next() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tick.Wait()
	return c.now
}

// The publisher is called by the user, not started on its own here:
// nothing says it can come first.
type Gate struct {
	mu   sync.Mutex
	open *sync.Cond
	msg  string
}

func (g *Gate) Open(msg string) {
	g.mu.Lock()
	g.msg = msg
	g.open.Broadcast()
	g.mu.Unlock()
}

func (g *Gate) Pass() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.open.Wait()
	return g.msg
}
