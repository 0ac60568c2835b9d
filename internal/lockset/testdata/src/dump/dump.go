// Package dump exercises the lock-set model; lockset_test.go prints
// the model of every function and compares it with dump.golden.
package dump

import (
	"sync"

	"dump/lib"
)

type counter struct {
	mu sync.Mutex
	rw sync.RWMutex
	n  int
}

// Direct lock and unlock, and a deferred unlock.
func (c *counter) inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *counter) get() int {
	c.rw.RLock()
	defer c.rw.RUnlock()
	return c.n
}

// Locked on one path only: may, not must.
func (c *counter) maybe(lock bool) {
	if lock {
		c.mu.Lock()
	}
	c.n++
	if lock {
		c.mu.Unlock()
	}
}

// Returns holding the lock: Acquires.
func (c *counter) acquire() { c.mu.Lock() }

// Unlocks the caller's lock: Releases, and Borrowed.
func (c *counter) release() { c.mu.Unlock() }

// Releases the caller's lock around a slow call and takes it back.
func (c *counter) slow(f func()) {
	c.mu.Unlock()
	f()
	c.mu.Lock()
}

// Through the callees above and the lib helpers' Facts.
func (c *counter) viaCallees() {
	c.acquire()
	c.n++
	c.release()
	lib.Lock(&c.mu)
	lib.Unlock(&c.mu)
	lib.Do(&c.mu, func() { c.n++ })
	_ = lib.Get("k")
}

// Called only with c.mu held: a known entry.
func (c *counter) incLocked() { c.n++ }

func (c *counter) caller() {
	c.mu.Lock()
	c.incLocked()
	c.mu.Unlock()
}

// TryLock makes the model opaque.
func (c *counter) try() {
	if c.mu.TryLock() {
		c.n++
		c.mu.Unlock()
	}
}

// A goroutine starts with nothing held; the starter's lock may be
// released by it.
func (c *counter) spawn() {
	c.mu.Lock()
	go func() {
		c.n++
		c.mu.Unlock()
	}()
}

// An unlock closure kept in a variable and deferred.
func (c *counter) closure() {
	c.mu.Lock()
	unlock := c.mu.Unlock
	defer unlock()
	c.n++
}

// sync.Once.Do(unlock) may unlock now.
func (c *counter) once(o *sync.Once) {
	c.mu.Lock()
	o.Do(c.mu.Unlock)
}

// A Locker interface.
func locker(l sync.Locker) {
	l.Lock()
	defer l.Unlock()
}

// A package variable.
var global sync.Mutex

func Global() {
	global.Lock()
	global.Unlock()
}

// Returns with the lock held on one path: lockleak's question.
func (c *counter) leak(fail bool) error {
	c.mu.Lock()
	if fail {
		return nil
	}
	c.mu.Unlock()
	return nil
}

// tables read-locks a lib.Table twice (never write-locked, known from
// lib's fact) and a lib.Log twice (write-locked by Append).
func tables(t *lib.Table, l *lib.Log) int {
	_ = t.RLockRows()
	n := t.Len()
	t.RUnlockRows()
	_ = l.RLockLines()
	n += l.Len()
	l.RUnlockLines()
	return n
}

// A map whose elements point back at their owner: what reached
// through r.store for r in s.replicas locks is s's.
type store struct {
	mu       sync.RWMutex
	replicas map[int]*replica
}

type replica struct{ store *store }

func newStore() *store {
	s := &store{replicas: map[int]*replica{}}
	r := &replica{store: s}
	s.replicas[0] = r
	return s
}

func (s *store) status() {
	s.mu.Lock()
	s.mu.Unlock()
}

func statusOf(r *replica) { r.store.status() }

func (s *store) scan() {
	s.mu.RLock()
	for _, r := range s.replicas {
		statusOf(r)
	}
	s.mu.RUnlock()
}

// Callbacks: a literal or method value handed to locked runs with
// c.mu held (the helper's key lifted to c, then bound); one handed to
// runNow with nothing held; the nested branch of tx, where the
// caller decides the lock is held already, says nothing.
func (c *counter) locked(fn func()) {
	c.mu.Lock()
	fn()
	c.mu.Unlock()
}

func (c *counter) runNow(fn func()) { fn() }

func (c *counter) incr() { c.n++ }

func (c *counter) decr() { c.n-- }

func (c *counter) Callbacks() {
	c.locked(func() { c.n++ })
	c.locked(c.incr)
	c.runNow(func() { c.n-- })
}

func (c *counter) tx(nested bool, fn func()) {
	if nested {
		fn()
		return
	}
	c.mu.Lock()
	fn()
	c.mu.Unlock()
}

func (c *counter) Nested(nested bool) { c.tx(nested, c.decr) }

// Hand-over: a callback runs with what the function that handed it
// over (its maker) holds at that call. Each holds nothing of its own.
type shelf struct {
	mu sync.Mutex
	n  int
}

func Each(xs []int, fn func(int)) {
	for _, x := range xs {
		fn(x)
	}
}

// fill, the maker, holds s.mu only through its callers, declared
// below it: fill's entry is solved after its literal's first meet,
// which waits for it (s.mu, locked=true).
func (s *shelf) fill(xs []int) {
	Each(xs, func(x int) { s.n += x })
}

func (s *shelf) refill(xs []int) { s.fill(xs) }

func (s *shelf) Fill(xs []int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refill(xs)
}

// apply, the helper, is also handed to code we do not see: its own
// entry is unknown, but here it runs inside Put's call, under s.mu.
func apply(fn func()) { fn() }

func Register(r func(func(func()))) { r(apply) }

func (s *shelf) Put() {
	s.mu.Lock()
	apply(func() { s.n = 0 })
	s.mu.Unlock()
}

// A literal handed to code we do not see makes the hand-over: what
// its callback holds is unknown too, never "nothing" (no entry).
func (s *shelf) Serve(register func(func())) {
	register(func() {
		Each(nil, func(int) { s.n++ })
	})
}

// wrap, holding nothing, locks on another path to the hand-over
// call: its callback's entry is unknown.
func (s *shelf) wrap(lock bool) {
	if lock {
		s.mu.Lock()
	}
	Each(nil, func(int) { s.n-- })
	if lock {
		s.mu.Unlock()
	}
}

func (s *shelf) Wrap() { s.wrap(true); s.wrap(false) }
