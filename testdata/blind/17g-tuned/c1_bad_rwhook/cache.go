package main

import (
	"errors"
	"fmt"
	"sync"
)

var errNotFound = errors.New("not found")

type Loader func(key string) (string, error)

// ReadThroughCache serves lookups from memory and fills misses from a backend.
type ReadThroughCache struct {
	mu      sync.RWMutex
	entries map[string]string
	backend map[string]string
	miss    Loader
}

func NewReadThroughCache(backend map[string]string) *ReadThroughCache {
	c := &ReadThroughCache{
		entries: make(map[string]string),
		backend: backend,
	}
	c.miss = c.fill
	return c
}

// fill loads a key from the backend and stores it in the cache.
func (c *ReadThroughCache) fill(key string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.backend[key]
	if !ok {
		return "", errNotFound
	}
	c.entries[key] = v
	return v, nil
}

func (c *ReadThroughCache) Get(key string) (string, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if v, ok := c.entries[key]; ok {
		return v, nil
	}
	return c.miss(key)
}

func (c *ReadThroughCache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.entries)
}

func main() {
	c := NewReadThroughCache(map[string]string{"user:1": "alice", "user:2": "bob"})
	for _, k := range []string{"user:1", "user:1", "user:3"} {
		v, err := c.Get(k)
		fmt.Println(k, v, err)
	}
	fmt.Println("cached:", c.Len())
}
