// Correct: one goroutine per key sends exactly one result, and Warm keeps receiving until count == len(keys), so every sender is matched by a receive.
package g3_cache_warmup

import (
	"errors"
	"fmt"
	"sync"
)

// Loader fetches the value for a key from the backing store.
type Loader func(key string) ([]byte, error)

// Cache is a simple read-through cache.
type Cache struct {
	mu   sync.RWMutex
	data map[string][]byte
	load Loader
}

// New returns an empty cache backed by load.
func New(load Loader) *Cache {
	return &Cache{data: make(map[string][]byte), load: load}
}

// Get returns a cached value, loading it on a miss.
func (c *Cache) Get(key string) ([]byte, error) {
	c.mu.RLock()
	v, ok := c.data[key]
	c.mu.RUnlock()
	if ok {
		return v, nil
	}
	v, err := c.load(key)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.data[key] = v
	c.mu.Unlock()
	return v, nil
}

type loaded struct {
	key string
	val []byte
	err error
}

// Warm preloads keys concurrently and reports every key that failed.
func (c *Cache) Warm(keys []string) error {
	N := len(keys)
	if N == 0 {
		return nil
	}
	ch := make(chan loaded)
	for i := 0; i < N; i++ {
		go func() {
			v, err := c.load(keys[i])
			ch <- loaded{key: keys[i], val: v, err: err}
		}()
	}

	var errs []error
	count := 0
	for r := range ch {
		if r.err != nil {
			errs = append(errs, fmt.Errorf("warm %q: %w", r.key, r.err))
		} else {
			c.mu.Lock()
			c.data[r.key] = r.val
			c.mu.Unlock()
		}
		count++
		if count == N {
			break
		}
	}
	return errors.Join(errs...)
}
