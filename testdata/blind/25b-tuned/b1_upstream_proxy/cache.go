package b1_upstream_proxy

import "sync"

type staleCache struct {
	mu sync.Mutex
	m  map[string][]byte
}

func newStaleCache() *staleCache { return &staleCache{m: make(map[string][]byte)} }

func (c *staleCache) get(k string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.m[k]
	return b, ok
}

func (c *staleCache) put(k string, b []byte) {
	c.mu.Lock()
	c.m[k] = b
	c.mu.Unlock()
}

func (c *staleCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
