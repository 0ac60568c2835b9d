package callbacks

import (
	"sync"
	"time"
)

// Registry's run helper unlocks before it runs the callback: the
// callbacks, and the helpers they call, write without the lock.
type Registry struct {
	mu     sync.Mutex
	conns  map[int]string
	closed bool
}

func (r *Registry) run(fn func()) bool {
	r.mu.Lock()
	closed := r.closed
	r.mu.Unlock()
	if closed {
		return false
	}
	fn()
	return true
}

func (r *Registry) remove(id int) {
	delete(r.conns, id) // want `write to r.conns without holding r.mu`
}

func (r *Registry) Unregister(id int) { r.run(func() { r.remove(id) }) }

func (r *Registry) Add(id int, a string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.conns[id] = a
}

func (r *Registry) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.conns)
}

func (r *Registry) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	for id := range r.conns {
		r.remove(id)
	}
}

// Cache's expiry is a method value run by time.AfterFunc: a goroutine
// of its own, with nothing held, that reaches evict.
type Cache struct {
	mu    sync.Mutex
	items map[string]int
}

func (c *Cache) evict() {
	for k := range c.items {
		delete(c.items, k) // want `write to c.items without holding c.mu`
	}
}

func (c *Cache) expire() { c.evict() }

func (c *Cache) Start() { time.AfterFunc(time.Second, c.expire) }

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
}

func (c *Cache) Drop(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.items, k)
}

func (c *Cache) Clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.evict()
}
