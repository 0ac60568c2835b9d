package cache

import (
	"errors"
	"sync"
)

// Loader fills the cache from a backing store.
type Loader func() (map[string]string, error)

// Cache is a read-mostly string cache that can be reloaded as a whole.
type Cache struct {
	mu   sync.RWMutex
	data map[string]string
	load Loader
	gen  int
}

// New returns a cache backed by load.
func New(load Loader) *Cache { return &Cache{load: load, data: map[string]string{}} }

// Get returns the cached value for key.
func (c *Cache) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[key]
	return v, ok
}

// ReloadLocked replaces the contents; the caller holds the write lock.
func (c *Cache) ReloadLocked() error {
	if c.load == nil {
		return errors.New("cache: no loader")
	}
	m, err := c.load()
	if err != nil {
		return err
	}
	c.data = m
	c.gen++
	return nil
}

// Lock and Unlock expose the write lock for batch updates.
func (c *Cache) Lock()   { c.mu.Lock() }
func (c *Cache) Unlock() { c.mu.Unlock() }
