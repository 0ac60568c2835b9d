package cache

import (
	"sync"
	"time"
)

// Loader fetches a value for a key from the backing store.
type Loader func(key string) (string, error)

// Cache loads values asynchronously and caches them.
type Cache struct {
	mu    sync.Mutex
	load  Loader
	items map[string]string
}

func New(load Loader) *Cache {
	return &Cache{load: load, items: make(map[string]string)}
}

// Prefetch starts loading key in the background and returns a channel
// that receives the loaded value.
func (c *Cache) Prefetch(key string) <-chan string {
	out := make(chan string, 1)
	go func() {
		v, err := c.load(key)
		if err != nil {
			close(out)
			return
		}
		c.mu.Lock()
		c.items[key] = v
		c.mu.Unlock()
		out <- v
	}()
	return out
}

// Get returns a cached value.
func (c *Cache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[key]
	return v, ok
}

// slowLoader is used by tests to mimic a remote store.
func slowLoader(d time.Duration) Loader {
	return func(key string) (string, error) {
		time.Sleep(d)
		return "value-of-" + key, nil
	}
}
