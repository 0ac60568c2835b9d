// Correct: warm() stores c.entries before c.mu.WithLock closes c.ready inside the callback, and Get blocks on <-c.ready before reading.
package g1_cache_warm

import (
	"context"
	"errors"
	"sync"
)

// Guard is a mutex with a convenience helper for running a critical section.
type Guard struct {
	mu sync.Mutex
}

// WithLock runs fn with the guard held.
func (g *Guard) WithLock(fn func()) {
	g.mu.Lock()
	defer g.mu.Unlock()
	fn()
}

// LoadFunc fetches the full data set backing the cache.
type LoadFunc func(ctx context.Context) (map[string][]byte, error)

// Cache is a read-mostly cache that is warmed once in the background.
type Cache struct {
	mu      Guard
	load    LoadFunc
	ready   chan struct{}
	warming bool

	entries map[string][]byte
	loadErr error
}

// New returns a cold cache backed by load.
func New(load LoadFunc) *Cache {
	return &Cache{load: load, ready: make(chan struct{})}
}

// Warm starts filling the cache. It is safe to call more than once.
func (c *Cache) Warm(ctx context.Context) {
	start := false
	c.mu.WithLock(func() {
		if !c.warming {
			c.warming = true
			start = true
		}
	})
	if start {
		go c.warm(ctx)
	}
}

func (c *Cache) warm(ctx context.Context) {
	m, err := c.load(ctx)
	c.entries = m
	c.loadErr = err
	c.mu.WithLock(func() {
		close(c.ready)
	})
}

// Get waits for the cache to be warm and returns the value for key.
func (c *Cache) Get(ctx context.Context, key string) ([]byte, error) {
	select {
	case <-c.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if c.loadErr != nil {
		return nil, c.loadErr
	}
	v, ok := c.entries[key]
	if !ok {
		return nil, errors.New("cache: not found")
	}
	return v, nil
}
