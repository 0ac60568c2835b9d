package evict

import (
	"container/list"
	"sync"
)

type entry struct {
	key   string
	value []byte
}

type LRU struct {
	mu       sync.Mutex
	capacity int
	order    *list.List
	items    map[string]*list.Element
	onEvict  func(key string, size int)
	stats    Stats
}

func (c *LRU) Put(key string, value []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value.(*entry).value = value
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&entry{key: key, value: value})
	for c.order.Len() > c.capacity {
		oldest := c.order.Back()
		e := c.order.Remove(oldest).(*entry)
		delete(c.items, e.key)
		if c.onEvict != nil {
			c.onEvict(e.key, len(e.value))
		}
	}
}

func (c *LRU) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		c.stats.Misses++
		return nil, false
	}
	c.stats.Hits++
	c.order.MoveToFront(el)
	return el.Value.(*entry).value, true
}
