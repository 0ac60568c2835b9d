// Package lru implements a goroutine-safe loading cache.
package lru

import (
	"fmt"
	"sync"
)

// Loader fetches a value for a missing key.
type Loader func(key string) (string, error)

// Cache memoizes Loader results.
type Cache struct {
	mu   sync.Mutex
	load Loader
	vals map[string]string
	hits int
}

// New returns a cache that fills misses from load.
func New(load Loader) *Cache {
	return &Cache{load: load, vals: make(map[string]string)}
}

// Get returns the cached value, loading it on a miss.
func (c *Cache) Get(key string) (string, error) {
	c.mu.Lock()
	if v, ok := c.vals[key]; ok {
		c.hits++
		c.mu.Unlock()
		return v, nil
	}
	c.mu.Unlock()
	v, err := c.load(key)
	if err != nil {
		return "", fmt.Errorf("lru: load %q: %w", key, err)
	}
	c.mu.Lock()
	c.vals[key] = v
	c.mu.Unlock()
	return v, nil
}

// Hits returns the number of cache hits so far.
func (c *Cache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}
