// Class 8, SILENT: both constructors set c.entries to a non-nil map and no code ever assigns nil to it (Purge makes a fresh map), so Get's nil branch, which would Lock while holding the RLock, can never run.
package c8_silent_cacheupgrade

import (
	"sync"
	"time"
)

type entry struct {
	val     []byte
	expires time.Time
}

type TTLCache struct {
	mu      sync.RWMutex
	ttl     time.Duration
	entries map[string]entry
}

func NewTTLCache(ttl time.Duration) *TTLCache {
	return &TTLCache{ttl: ttl, entries: make(map[string]entry)}
}

func NewTTLCacheSized(ttl time.Duration, size int) *TTLCache {
	c := &TTLCache{ttl: ttl}
	c.entries = make(map[string]entry, size)
	return c
}

func (c *TTLCache) Get(key string) ([]byte, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.entries == nil {
		c.mu.Lock()
		c.entries = make(map[string]entry)
		c.mu.Unlock()
	}
	e, ok := c.entries[key]
	if !ok || time.Now().After(e.expires) {
		return nil, false
	}
	return e.val, true
}

func (c *TTLCache) Set(key string, val []byte) {
	c.mu.Lock()
	c.entries[key] = entry{val: val, expires: time.Now().Add(c.ttl)}
	c.mu.Unlock()
}

func (c *TTLCache) Purge() {
	c.mu.Lock()
	c.entries = make(map[string]entry)
	c.mu.Unlock()
}
