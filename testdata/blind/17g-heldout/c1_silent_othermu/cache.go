package main

import (
	"fmt"
	"sync"
)

// missStats counts cache misses; it has its own lock so it can be
// updated from inside cache operations.
type missStats struct {
	mu     sync.Mutex
	misses map[string]int
}

func (m *missStats) record(key string) {
	m.mu.Lock()
	m.misses[key]++
	m.mu.Unlock()
}

func (m *missStats) total() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, c := range m.misses {
		n += c
	}
	return n
}

// ReadThroughCache serves lookups from memory and fills misses from a backend.
type ReadThroughCache struct {
	mu      sync.RWMutex
	entries map[string]string
	stats   *missStats
	onMiss  func(key string)
}

func NewReadThroughCache(entries map[string]string) *ReadThroughCache {
	st := &missStats{misses: make(map[string]int)}
	return &ReadThroughCache{
		entries: entries,
		stats:   st,
		onMiss:  st.record,
	}
}

func (c *ReadThroughCache) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.entries[key]
	if !ok {
		c.onMiss(key)
	}
	return v, ok
}

func (c *ReadThroughCache) Put(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = value
}

func main() {
	c := NewReadThroughCache(map[string]string{"user:1": "alice"})
	c.Put("user:2", "bob")
	for _, k := range []string{"user:1", "user:3", "user:4", "user:2"} {
		v, ok := c.Get(k)
		fmt.Println(k, v, ok)
	}
	fmt.Println("misses:", c.stats.total())
}
