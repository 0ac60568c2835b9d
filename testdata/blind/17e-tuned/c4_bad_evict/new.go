package evict

import "container/list"

type Stats struct {
	Hits, Misses int
	Evictions    int
	EvictedBytes int
}

func New(capacity int) *LRU {
	c := &LRU{
		capacity: capacity,
		order:    list.New(),
		items:    make(map[string]*list.Element),
	}
	c.onEvict = c.countEviction
	return c
}

func (c *LRU) countEviction(key string, size int) {
	c.mu.Lock()
	c.stats.Evictions++
	c.stats.EvictedBytes += size
	c.mu.Unlock()
}

func (c *LRU) Snapshot() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}
