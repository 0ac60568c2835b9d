package b3_lru_stats

import (
	"container/list"
	"sync"
)

type entry struct {
	key   string
	value any
}

// Stats is a point-in-time copy of cache counters.
type Stats struct {
	Hits, Misses, Evictions uint64
	Len, Cap                int
}

// LRU is a fixed-capacity least-recently-used cache.
type LRU struct {
	mu    sync.Mutex
	cap   int
	ll    *list.List
	items map[string]*list.Element
	stats Stats
}

func New(capacity int) *LRU {
	return &LRU{cap: capacity, ll: list.New(), items: make(map[string]*list.Element)}
}

func (c *LRU) Get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		c.stats.Hits++
		return el.Value.(*entry).value, true
	}
	c.stats.Misses++
	return nil, false
}

func (c *LRU) Add(key string, value any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value.(*entry).value = value
		c.ll.MoveToFront(el)
		return
	}
	c.items[key] = c.ll.PushFront(&entry{key, value})
	if c.ll.Len() > c.cap {
		c.removeOldest()
	}
}

func (c *LRU) removeOldest() {
	el := c.ll.Back()
	if el == nil {
		return
	}
	c.ll.Remove(el)
	delete(c.items, el.Value.(*entry).key)
	c.stats.Evictions++
}

// Stats returns a copy of the counters.
func (c *LRU) Stats() Stats {
	c.mu.Lock()
	if c.items == nil {
		return Stats{Cap: c.cap} // BAD: returns a Stats copy with c.mu still locked when the cache was purged
	}
	s := c.stats
	s.Len = c.ll.Len()
	s.Cap = c.cap
	c.mu.Unlock()
	return s
}

// HitRatio is a convenience over Stats.
func (c *LRU) HitRatio() float64 {
	s := c.Stats()
	total := s.Hits + s.Misses
	if total == 0 {
		return 0
	}
	return float64(s.Hits) / float64(total)
}

// Purge drops all entries and releases the backing storage.
func (c *LRU) Purge() {
	c.mu.Lock()
	c.ll = list.New()
	c.items = nil
	c.mu.Unlock()
}
