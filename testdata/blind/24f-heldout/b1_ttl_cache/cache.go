package b1_ttl_cache

import (
	"sync"
	"time"
)

type entry struct {
	value     any
	expiresAt time.Time
}

// Cache is a small in-memory TTL cache used to memoize upstream lookups.
type Cache struct {
	mu     sync.RWMutex
	ttl    time.Duration
	items  map[string]entry
	hits   int
	misses int
}

// NewCache returns a cache whose entries expire after ttl.
func NewCache(ttl time.Duration) *Cache {
	if ttl <= 0 {
		ttl = time.Minute
	}
	c := &Cache{
		ttl:   ttl,
		items: make(map[string]entry),
	}
	go c.janitor() // BAD: one endless janitor loop per cache; Close never stops it
	return c
}

func (c *Cache) janitor() {
	t := time.NewTicker(c.ttl / 2)
	defer t.Stop()
	for range t.C {
		c.evictExpired(time.Now())
	}
}

func (c *Cache) evictExpired(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.items {
		if now.After(e.expiresAt) {
			delete(c.items, k)
		}
	}
}

// Get returns the cached value for key, if present and not expired.
func (c *Cache) Get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok || time.Now().After(e.expiresAt) {
		c.misses++
		return nil, false
	}
	c.hits++
	return e.value, true
}

// Set stores value under key for the cache's TTL.
func (c *Cache) Set(key string, value any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = entry{value: value, expiresAt: time.Now().Add(c.ttl)}
}

// Stats reports hit and miss counters.
func (c *Cache) Stats() (hits, misses int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.hits, c.misses
}

// Close drops all entries. The cache must not be used afterwards.
func (c *Cache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items = make(map[string]entry)
	return nil
}
