// Package indirect: a mutex locked again through a call the code does
// not name statically: a function value kept in a field, a method of
// an interface value kept in one, and a function sync.Once.Do runs.
package indirect

import (
	"context"
	"sync"
)

// A checkpointer kept in a field (etcd's lessor, etcd#10492): the
// closure stored into le.cp locks the lessor it was stored into.

type checkpointer func(ctx context.Context)

type lessor struct {
	mu sync.RWMutex
	cp checkpointer
}

func (le *lessor) checkpoint() {
	le.mu.Lock()
	defer le.mu.Unlock()
}

func (le *lessor) setCheckpointer(cp checkpointer) {
	le.mu.Lock()
	defer le.mu.Unlock()
	le.cp = cp
}

func (le *lessor) renew() {
	le.mu.Lock()
	defer le.mu.Unlock()
	if le.cp != nil {
		le.cp(context.Background()) // want `call of le.cp locks le.mu, which is already locked`
	}
}

// renewUnlocked calls the checkpointer after releasing the lock: silent.
func (le *lessor) renewUnlocked() {
	le.mu.Lock()
	cp := le.cp
	le.mu.Unlock()
	if cp != nil {
		cp(context.Background())
	}
	le.mu.Lock()
	le.mu.Unlock()
	le.cp(context.Background())
}

func newLessor() *lessor {
	le := &lessor{}
	le.setCheckpointer(func(ctx context.Context) { le.checkpoint() })
	return le
}

// A callback that locks another lessor than the one it is stored in:
// silent, the mutex is not the held one.

type peer struct {
	mu     sync.Mutex
	notify func()
}

func (p *peer) fire() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.notify()
}

func link(a, b *peer) {
	a.notify = func() {
		b.mu.Lock()
		b.mu.Unlock()
	}
}

// A handler kept in an interface field: the store stores itself, and
// its fire locks the mutex handle holds.

type handler interface{ fire() }

type store struct {
	mu sync.Mutex
	h  handler
	n  int
}

func (s *store) fire() {
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
}

func newStore() *store {
	s := &store{}
	s.h = s
	return s
}

func (s *store) handle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.h.fire() // want `call of s.h.fire locks s.mu, which is already locked`
}

// An implementation that takes a different mutex: silent.

type audit struct {
	mu  sync.Mutex
	log []string
}

func (a *audit) fire() {
	a.mu.Lock()
	a.log = append(a.log, "fire")
	a.mu.Unlock()
}

type board struct {
	mu sync.Mutex
	h  handler
}

func newBoard(a *audit) *board { return &board{h: a} }

func (b *board) handle() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.h.fire()
}

// Two kinds of callback in one field, only one of which locks the
// owner: it may deadlock, depending on what was stored.

type button struct {
	mu      sync.Mutex
	onClick func()
	clicks  int
}

func (b *button) count() {
	b.mu.Lock()
	b.clicks++
	b.mu.Unlock()
}

func newCounting() *button {
	b := &button{}
	b.onClick = func() { b.count() }
	return b
}

func newQuiet() *button {
	b := &button{}
	b.onClick = func() {}
	return b
}

func (b *button) click() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.onClick() // want `call of b.onClick may lock b.mu, which is already locked`
}

// A function run by sync.Once.Do that locks the mutex its caller holds.

type page struct {
	mu    sync.Mutex
	once  sync.Once
	plain string
}

func (p *page) initPlain() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.once.Do(func() { // want `Do calls back a function that locks p.mu, which is already locked`
		p.mu.Lock()
		p.plain = "x"
		p.mu.Unlock()
	})
}

// The same Do after the lock is released: silent.
func (p *page) initPlainUnlocked() {
	p.mu.Lock()
	p.plain = ""
	p.mu.Unlock()
	p.once.Do(func() {
		p.mu.Lock()
		p.plain = "x"
		p.mu.Unlock()
	})
}

// An exported field anyone may set: nothing is assumed of it.

type Hook struct {
	mu     sync.Mutex
	OnDone func()
}

func NewHook() *Hook {
	h := &Hook{}
	h.OnDone = func() { h.mu.Lock(); h.mu.Unlock() }
	return h
}

func (h *Hook) Done() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.OnDone()
}

// A method value stored in a field and called by a helper that every
// caller calls with the lock held (an LRU's eviction callback).

type cache struct {
	mu        sync.Mutex
	items     []string
	evictions int
	onEvict   func(key string)
}

func newCache() *cache {
	c := &cache{}
	c.onEvict = c.countEviction
	return c
}

func (c *cache) countEviction(key string) {
	c.mu.Lock()
	c.evictions++
	c.mu.Unlock()
}

func (c *cache) add(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items = append(c.items, key)
	if len(c.items) > 8 {
		c.removeOldest() // want `removeOldest locks c.mu, which is already locked`
	}
	c.trim()
}

// trim evicts only when over the limit: the callback's lock is not on
// every path of trim, so it is reported where trim calls it.
func (c *cache) trim() {
	if len(c.items) <= 8 {
		return
	}
	if c.onEvict != nil {
		c.onEvict(c.items[0]) // want `call of c.onEvict locks c.mu, which every caller of trim holds`
	}
}

// removeOldest calls the callback on every path (the field is set by
// every constructor and never cleared): its callers see the lock.
func (c *cache) removeOldest() {
	k := c.items[0]
	c.items = c.items[1:]
	if c.onEvict != nil {
		c.onEvict(k)
	}
}

// The same helper called after the lock is released: silent.

type cache2 struct {
	mu        sync.Mutex
	items     []string
	evictions int
	onEvict   func(key string)
}

func newCache2() *cache2 {
	c := &cache2{}
	c.onEvict = c.countEviction
	return c
}

func (c *cache2) countEviction(key string) {
	c.mu.Lock()
	c.evictions++
	c.mu.Unlock()
}

func (c *cache2) add(key string) {
	c.mu.Lock()
	c.items = append(c.items, key)
	full := len(c.items) > 8
	c.mu.Unlock()
	if full {
		c.removeOldest()
	}
}

func (c *cache2) removeOldest() {
	if c.onEvict != nil {
		c.onEvict("")
	}
}
