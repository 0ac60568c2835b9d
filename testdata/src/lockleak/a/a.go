package a

import (
	"errors"
	"sync"

	"lockleak/lib"
)

var errDup = errors.New("duplicate")

type Registry struct {
	mu sync.Mutex
	m  map[string]int
}

func (r *Registry) Add(name string, v int) error {
	r.mu.Lock()
	if _, ok := r.m[name]; ok {
		return errDup // want `return with r.mu still locked: other paths unlock it`
	}
	r.m[name] = v
	r.mu.Unlock()
	return nil
}

// Good: defer.
func (r *Registry) AddOK(name string, v int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.m[name]; ok {
		return errDup
	}
	r.m[name] = v
	return nil
}

// Good: unlock on every path.
func (r *Registry) AddOK2(name string, v int) error {
	r.mu.Lock()
	if _, ok := r.m[name]; ok {
		r.mu.Unlock()
		return errDup
	}
	r.m[name] = v
	r.mu.Unlock()
	return nil
}

// Good: a lock helper that returns with the lock held, and its
// unlock half.
func (r *Registry) hold()    { r.mu.Lock() }
func (r *Registry) release() { r.mu.Unlock() }

// Good: unlocking through a helper.
func (r *Registry) Remove(name string) {
	r.hold()
	if _, ok := r.m[name]; !ok {
		r.release()
		return
	}
	delete(r.m, name)
	r.release()
}

func (r *Registry) RemoveBad(name string) {
	r.hold()
	if _, ok := r.m[name]; !ok {
		return // want `return with r.mu still locked`
	}
	delete(r.m, name)
	r.release()
}

// Good: panics are not returns.
func (r *Registry) MustGet(name string) int {
	r.mu.Lock()
	v, ok := r.m[name]
	if !ok {
		panic("missing " + name)
	}
	r.mu.Unlock()
	return v
}

// RWMutex cache with a read-locked leak.
type Cache struct {
	mu sync.RWMutex
	m  map[string]string
}

func (c *Cache) Get(k string) (string, error) {
	c.mu.RLock()
	v, ok := c.m[k]
	if !ok {
		return "", errors.New("miss") // want `return with c.mu still read-locked`
	}
	c.mu.RUnlock()
	return v, nil
}

// Good: a function returning bool may report whether the lock is held.
func (c *Cache) lockIfPresent(k string) bool {
	c.mu.Lock()
	if _, ok := c.m[k]; !ok {
		c.mu.Unlock()
		return false
	}
	return true
}

func (c *Cache) enterIfPresent(k string) bool {
	c.mu.Lock()
	if _, ok := c.m[k]; !ok {
		c.mu.Unlock()
		return false
	}
	return true
}

// Good: TryLock.
func (c *Cache) TryPut(k, v string) {
	if !c.mu.TryLock() {
		return
	}
	c.m[k] = v
	c.mu.Unlock()
}

// A loop that locks per iteration and breaks out holding the lock.
func (c *Cache) Drain(keys []string) {
	for _, k := range keys {
		c.mu.Lock()
		if k == "" {
			break
		}
		delete(c.m, k)
		c.mu.Unlock()
	}
} // want `end of function with c.mu still locked on some path: other paths unlock it`

// Good: the loop unlocks before breaking.
func (c *Cache) DrainOK(keys []string) {
	for _, k := range keys {
		c.mu.Lock()
		if k == "" {
			c.mu.Unlock()
			break
		}
		delete(c.m, k)
		c.mu.Unlock()
	}
}

// Through another package.
func update(t *lib.Table, k string) error {
	t.Acquire()
	if k == "" {
		return errDup // want `return with t.mu still locked`
	}
	t.Release()
	return nil
}

func updateOK(t *lib.Table, k string) error {
	t.Acquire()
	defer t.Release()
	if k == "" {
		return errDup
	}
	return nil
}

// Good: a deferred closure unlocks.
func (c *Cache) Closure(k string) error {
	c.mu.Lock()
	defer func() {
		c.mu.Unlock()
	}()
	if k == "" {
		return errDup
	}
	return nil
}

// Package variable and a function literal stored in a variable.
var mu sync.Mutex
var n int

func counter() {
	inc := func(d int) error {
		mu.Lock()
		if d < 0 {
			return errDup // want `return with a.mu still locked`
		}
		n += d
		mu.Unlock()
		return nil
	}
	_ = inc(1)
}

// Generics and an embedded mutex.
type Set[T comparable] struct {
	sync.Mutex
	m map[T]bool
}

func (s *Set[T]) Add(v T) error {
	s.Lock()
	if s.m[v] {
		return errDup // want `return with s.Mutex still locked`
	}
	s.m[v] = true
	s.Unlock()
	return nil
}

func (s *Set[T]) AddOK(v T) error {
	s.Lock()
	defer s.Unlock()
	if s.m[v] {
		return errDup
	}
	s.m[v] = true
	return nil
}

// Good: the unlock of a pair split across functions.
func (s *Set[T]) done() { s.Unlock() }

// Good: never unlocks (returns with the lock held by design).
func (s *Set[T]) begin() error {
	s.Lock()
	if s.m == nil {
		return errDup
	}
	return nil
}

// A branch that skips the unlock, joining a path that unlocked.
func (c *Cache) Skip(k string) {
	c.mu.Lock()
	if k != "" {
		delete(c.m, k)
		c.mu.Unlock()
	}
	c.m = nil
} // want `end of function with c.mu still locked on some path`

// Good: the branches agree through a flag.
func (c *Cache) Flag(k string) {
	locked := false
	if k != "" {
		c.mu.Lock()
		locked = true
	}
	if locked {
		c.mu.Unlock()
	}
}

// Good: the lock stays held on purpose, recorded in a flag.
type Rows struct {
	mu   sync.RWMutex
	hold bool
	raw  []byte
}

func (r *Rows) Scan(keep bool) {
	r.mu.RLock()
	r.raw = r.raw[:0]
	if keep {
		r.hold = true
	} else {
		r.mu.RUnlock()
	}
}

// Good: the caller gets the release function.
func (r *Rows) grab(fail bool) (func(), error) {
	r.mu.RLock()
	if fail {
		r.mu.RUnlock()
		return nil, errDup
	}
	return r.mu.RUnlock, nil
}

// Good: a local object's mutex dies with it.
func local(fail bool) error {
	r := new(Rows)
	r.mu.Lock()
	if fail {
		return errDup
	}
	r.mu.Unlock()
	return nil
}

// The bug of testing.(*common).makeTempDir in Go 1.26: an error
// return between Lock and Unlock.
type common struct {
	tempDirMu sync.Mutex
	tempDir   string
	seq       int
}

func stat(string) error { return nil }

func (c *common) makeTempDir() (string, error) {
	c.tempDirMu.Lock()
	if c.tempDir != "" {
		if err := stat(c.tempDir); err != nil {
			return "", err // want `return with c.tempDirMu still locked`
		}
	}
	c.seq++
	c.tempDirMu.Unlock()
	return c.tempDir, nil
}

// A continue that keeps the per-iteration lock.
func (c *Cache) Sweep(keys []string) {
	for _, k := range keys {
		c.mu.Lock()
		if _, ok := c.m[k]; !ok { // want `loop goes round again with c.mu still locked: the next iteration locks it again`
			continue
		}
		delete(c.m, k)
		c.mu.Unlock()
	}
}

// Good: unlock before continue.
func (c *Cache) SweepOK(keys []string) {
	for _, k := range keys {
		c.mu.Lock()
		if _, ok := c.m[k]; !ok {
			c.mu.Unlock()
			continue
		}
		delete(c.m, k)
		c.mu.Unlock()
	}
}

// Good: hand-over-hand locking.
type node struct {
	mu   sync.Mutex
	next *node
}

func walk(n *node) {
	n.mu.Lock()
	for n.next != nil {
		next := n.next
		next.mu.Lock()
		n.mu.Unlock()
		n = next
	}
	n.mu.Unlock()
}
