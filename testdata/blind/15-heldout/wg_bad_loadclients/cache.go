// BAD: each client goroutine calls wg.Add(1) only after it has built its key set, so the test's wg.Wait() can run while the counter is still zero, return immediately, and check the hit counters before any client has touched the cache.
package wg_bad_loadclients

import "sync"

type LRU struct {
	mu     sync.Mutex
	max    int
	items  map[string]string
	order  []string
	hits   int
	misses int
}

func NewLRU(max int) *LRU {
	return &LRU{max: max, items: make(map[string]string)}
}

func (c *LRU) Get(k string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[k]
	if ok {
		c.hits++
	} else {
		c.misses++
	}
	return v, ok
}

func (c *LRU) Put(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[k]; !ok {
		c.order = append(c.order, k)
	}
	c.items[k] = v
	for len(c.order) > c.max {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
}

func (c *LRU) Stats() (hits, misses int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}
