// Correct: Invalidate swaps a fresh channel into c.gen before closing the old one, on every path that closes, so calling it repeatedly never double-closes.
package g2_cache_invalidator

import (
	"strings"
	"sync"
)

type entry struct {
	value []byte
	tags  []string
}

// Cache is a tag-aware cache whose readers can wait for invalidations.
type Cache struct {
	mu      sync.RWMutex
	entries map[string]entry
	gen     chan struct{} // closed when the current generation is invalidated
}

// New returns an empty cache.
func New() *Cache {
	return &Cache{entries: make(map[string]entry), gen: make(chan struct{})}
}

// Get returns the value for key and a channel closed when it may be stale.
func (c *Cache) Get(key string) ([]byte, <-chan struct{}, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.entries[key]
	return e.value, c.gen, ok
}

// Put stores value under key with the given tags.
func (c *Cache) Put(key string, value []byte, tags ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = entry{value: value, tags: tags}
}

// Invalidate drops every entry carrying tag (or a prefix of it) and
// notifies waiters. It is a no-op when nothing matched.
func (c *Cache) Invalidate(tag string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for k, e := range c.entries {
		for _, t := range e.tags {
			if t == tag || strings.HasPrefix(t, tag+"/") {
				delete(c.entries, k)
				n++
				break
			}
		}
	}
	if n == 0 {
		return 0
	}
	old := c.gen
	c.gen = make(chan struct{})
	close(old)
	return n
}

// InvalidateAll removes every entry and wakes all waiters.
func (c *Cache) InvalidateAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.entries)
	old := c.gen
	c.gen = make(chan struct{})
	close(old)
}

// Purge invalidates each tag in turn.
func (c *Cache) Purge(tags []string) int {
	total := 0
	for _, t := range tags {
		total += c.Invalidate(t)
	}
	return total
}
