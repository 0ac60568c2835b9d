// Correct: the janitor is started once by NewCache and Cache has no Close/Stop; it is designed to live as long as the process.
package g1_cache_janitor

import (
	"sync"
	"time"
)

type entry[V any] struct {
	val     V
	expires time.Time
}

// Cache is a process-wide TTL cache. Instances are meant to be created once
// at package init or in main and never torn down.
type Cache[V any] struct {
	ttl   time.Duration
	sweep time.Duration

	mu    sync.Mutex
	items map[string]entry[V]
	evict int
}

// NewCache returns a cache whose entries live for ttl; expired entries are
// removed by a background janitor every sweep interval.
func NewCache[V any](ttl, sweep time.Duration) *Cache[V] {
	c := &Cache[V]{
		ttl:   ttl,
		sweep: sweep,
		items: make(map[string]entry[V]),
	}
	go c.janitor()
	return c
}

func (c *Cache[V]) janitor() {
	for {
		time.Sleep(c.sweep)
		c.evictExpired(time.Now())
	}
}

func (c *Cache[V]) evictExpired(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.items {
		if now.After(e.expires) {
			delete(c.items, k)
			c.evict++
		}
	}
}

// Set stores v under key.
func (c *Cache[V]) Set(key string, v V) {
	c.mu.Lock()
	c.items[key] = entry[V]{val: v, expires: time.Now().Add(c.ttl)}
	c.mu.Unlock()
}

// Get returns the value under key if present and not expired.
func (c *Cache[V]) Get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok || time.Now().After(e.expires) {
		var zero V
		return zero, false
	}
	return e.val, true
}

// Len reports the number of stored entries, expired or not.
func (c *Cache[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

// Evictions reports how many entries the janitor has removed.
func (c *Cache[V]) Evictions() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.evict
}
