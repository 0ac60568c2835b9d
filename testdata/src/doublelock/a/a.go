package a

import (
	"sync"

	"doublelock/lib"
)

type Cache struct {
	mu sync.RWMutex
	m  map[string]string
}

func (c *Cache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}

func (c *Cache) lenLocked() int { return len(c.m) }

func (c *Cache) Put(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.Len() > 10 { // want `Len locks c.mu for reading, which is already locked`
		return
	}
	c.m[k] = v
}

// Good: the helper expects the lock held.
func (c *Cache) PutOK(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lenLocked() > 10 {
		return
	}
	c.m[k] = v
}

func (c *Cache) Get(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.Len() == 0 { // want `Len locks c.mu, which is already read-locked: recursive read locking`
		return ""
	}
	return c.m[k]
}

// The upgrade deadlock: Lock while holding RLock.
func (c *Cache) GetOrInit(k string) string {
	c.mu.RLock()
	v, ok := c.m[k]
	if !ok {
		c.mu.Lock() // want `Lock of c.mu, which is read-locked: upgrading a read lock deadlocks`
		c.m[k] = "x"
		c.mu.Unlock()
	}
	c.mu.RUnlock()
	return v
}

// Good: release the read lock before taking the write lock.
func (c *Cache) GetOrInitOK(k string) string {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if !ok {
		c.mu.Lock()
		if _, ok := c.m[k]; !ok {
			c.m[k] = "x"
		}
		c.mu.Unlock()
	}
	return v
}

var mu sync.Mutex

func twice() {
	mu.Lock()
	mu.Lock() // want `Lock of a.mu, which is already locked`
	mu.Unlock()
}

// Good: Lock; Unlock used as a barrier, then locked again.
func barrier() {
	mu.Lock()
	mu.Unlock()
	mu.Lock()
	defer mu.Unlock()
}

// Good: locked on one path only.
func conditional(b bool) {
	if b {
		mu.Lock()
	}
	mu.Lock()
	mu.Unlock()
}

// Good: different receivers.
func (c *Cache) Merge(o *Cache) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := o.Len()
	_ = n
}

// Good: per-iteration locking.
func (c *Cache) Loop(keys []string) {
	for _, k := range keys {
		c.mu.Lock()
		delete(c.m, k)
		c.mu.Unlock()
	}
}

// Good: TryLock.
func (c *Cache) Try() {
	if c.mu.TryLock() {
		defer c.mu.Unlock()
	}
}

// Through another package: facts.
func useLib(s *lib.Store) {
	s.Lock()
	defer s.Unlock()
	_ = s.Len() // want `Len locks s.mu for reading, which is already locked`
	_ = s.LenLocked()
}

func useLibOK(s *lib.Store) {
	s.Lock()
	s.WithUnlocked(func() { _ = s.Len() })
	s.Unlock()
	_ = s.Len()
}

func globalLib() {
	lib.Global.Lock()
	defer lib.Global.Unlock()
	lib.LockGlobal() // want `LockGlobal locks lib.Global, which is already locked`
}

// Embedded mutex.
type Stats struct {
	sync.Mutex
	n int
}

func (s *Stats) Inc() {
	s.Lock()
	s.n++
	s.Unlock()
}

func (s *Stats) Add(k int) {
	s.Lock()
	defer s.Unlock()
	for i := 0; i < k; i++ {
		s.Inc() // want `Inc locks s.Mutex, which is already locked`
	}
}

// Good: embedded, helper does not lock.
func (s *Stats) AddOK(k int) {
	s.Lock()
	defer s.Unlock()
	s.n += k
}

// Closure stored in a variable.
func (s *Stats) Closure() {
	inc := func() {
		s.Lock()
		s.n++
		s.Unlock()
	}
	s.Lock()
	inc() // want `locks s.Mutex, which is already locked`
	s.Unlock()
	inc()
}

// Good: the closure runs in another goroutine.
func (s *Stats) Go() {
	s.Lock()
	go func() {
		s.Lock()
		s.n++
		s.Unlock()
	}()
	s.Unlock()
}

// Generics.
type Box[T any] struct {
	mu sync.Mutex
	v  T
}

func (b *Box[T]) Set(v T) {
	b.mu.Lock()
	b.v = v
	b.mu.Unlock()
}

func (b *Box[T]) Swap(v T) T {
	b.mu.Lock()
	defer b.mu.Unlock()
	old := b.v
	b.Set(v) // want `Set locks b.mu, which is already locked`
	return old
}

func (b *Box[T]) SwapOK(v T) T {
	b.mu.Lock()
	old := b.v
	b.mu.Unlock()
	b.Set(v)
	return old
}

func useBox() {
	var b Box[int]
	b.Set(1)
	_ = b.Swap(2)
}

// Good: hand-over-hand locking along a list.
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

type list struct {
	mu  sync.Mutex
	cur *node
}

func (l *list) advance() {
	l.cur.mu.Lock()
	old := l.cur
	l.cur = l.cur.next
	l.cur.mu.Lock()
	old.mu.Unlock()
	l.cur.mu.Unlock()
}

// Good: a mutex used as a semaphore, released by another goroutine.
func semaphore() {
	var m sync.Mutex
	m.Lock()
	go func() {
		m.Unlock()
	}()
	m.Lock()
}

type server struct {
	mu sync.Mutex
}

func (s *server) run() { s.mu.Unlock() }

func (s *server) start() {
	s.mu.Lock()
	go s.run()
	s.mu.Lock()
	s.mu.Unlock()
}

// Good: recursive read locking of a goroutine-local RWMutex.
func localRead() {
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
}

// A callback that locks, called by a helper while the lock is held.
type Table struct {
	mu   sync.Mutex
	rows []int
}

func (t *Table) each(f func(int)) {
	for _, r := range t.rows {
		_ = r
	}
	f(0)
}

func (t *Table) Sum() int {
	n := 0
	t.mu.Lock()
	defer t.mu.Unlock()
	t.each(func(int) { // want `each calls back a function that locks t.mu, which is already locked`
		t.mu.Lock()
		n++
		t.mu.Unlock()
	})
	return n
}

// Good: the callback does not lock.
func (t *Table) SumOK() int {
	n := 0
	t.mu.Lock()
	defer t.mu.Unlock()
	t.each(func(int) { n++ })
	return n
}

// Good: the helper may not call the callback.
func (t *Table) maybe(f func(), ok bool) {
	if ok {
		f()
	}
}

func (t *Table) Maybe() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.maybe(func() { t.mu.Lock(); t.mu.Unlock() }, false)
}
