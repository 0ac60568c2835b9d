// BAD: Warm launches one loader goroutine per key, sleeps, and then reports how many keys
// were loaded; the map is guarded by a mutex, but nothing waits for the loaders to finish.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// Loader fetches the value for a key from the backing store.
type Loader func(key string) (string, error)

// Cache is a read-through cache that can be pre-warmed.
type Cache struct {
	mu     sync.RWMutex
	data   map[string]string
	load   Loader
	failed []string
}

// NewCache creates an empty cache backed by load.
func NewCache(load Loader) *Cache {
	return &Cache{data: make(map[string]string), load: load}
}

func (c *Cache) store(key, val string) {
	c.mu.Lock()
	c.data[key] = val
	c.mu.Unlock()
}

func (c *Cache) markFailed(key string) {
	c.mu.Lock()
	c.failed = append(c.failed, key)
	c.mu.Unlock()
}

// Get returns a cached value.
func (c *Cache) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[key]
	return v, ok
}

// Warm preloads keys concurrently and returns how many were loaded and which failed.
func (c *Cache) Warm(keys []string) (int, []string) {
	for _, k := range keys {
		k := k
		go func() {
			v, err := c.load(k)
			if err != nil {
				c.markFailed(k)
				return
			}
			c.store(k, v)
		}()
	}

	time.Sleep(250 * time.Millisecond) // want "time.Sleep used to wait"

	c.mu.RLock()
	defer c.mu.RUnlock()
	failed := append([]string(nil), c.failed...)
	return len(c.data), failed
}

func slowLoad(key string) (string, error) {
	time.Sleep(time.Duration(len(key)) * 20 * time.Millisecond)
	if strings.HasPrefix(key, "tmp:") {
		return "", fmt.Errorf("key %q is not cacheable", key)
	}
	return strings.ToUpper(key), nil
}

func main() {
	c := NewCache(slowLoad)
	n, failed := c.Warm([]string{"user:1", "user:2", "tmp:session", "product:catalogue"})
	fmt.Printf("warmed %d keys, %d failed: %v\n", n, len(failed), failed)
	if v, ok := c.Get("user:1"); ok {
		fmt.Println("user:1 =", v)
	}
}
