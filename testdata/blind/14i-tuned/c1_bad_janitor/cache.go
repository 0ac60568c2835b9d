// Package ttlcache is an in-memory cache whose entries expire.
package ttlcache

import (
	"sync"
	"time"
)

type entry struct {
	value   []byte
	expires time.Time
}

// Cache maps keys to values with a time-to-live.
type Cache struct {
	mu      sync.Mutex
	items   map[string]entry
	ttl     time.Duration
	stopJan chan struct{}
}

// New returns an empty cache.
func New(ttl time.Duration) *Cache {
	return &Cache{items: make(map[string]entry), ttl: ttl}
}

// StartJanitor begins sweeping expired entries every interval.
func (c *Cache) StartJanitor(interval time.Duration) {
	stop := make(chan struct{})
	c.mu.Lock()
	c.stopJan = stop
	c.mu.Unlock()
	go c.janitor(interval, stop)
}

func (c *Cache) janitor(interval time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			c.sweep(now)
		}
	}
}

func (c *Cache) sweep(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.items {
		if now.After(e.expires) {
			delete(c.items, k)
		}
	}
}

// StopJanitor halts the sweeper.
func (c *Cache) StopJanitor() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopJan != nil {
		close(c.stopJan)
		c.stopJan = nil
	}
}

// Set stores value under key.
func (c *Cache) Set(key string, value []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = entry{value: value, expires: time.Now().Add(c.ttl)}
}

// Get returns the value for key if it has not expired.
func (c *Cache) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok || time.Now().After(e.expires) {
		return nil, false
	}
	return e.value, true
}

// Reconfigure applies a new sweep interval, e.g. after a config reload.
func (c *Cache) Reconfigure(interval time.Duration) {
	c.StartJanitor(interval)
}
