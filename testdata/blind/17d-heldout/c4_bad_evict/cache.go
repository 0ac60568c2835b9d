package lru

import (
	"container/list"
	"sync"
)

type EvictionListener interface {
	OnEvict(key string, size int)
}

type entry struct {
	key  string
	val  []byte
	elem *list.Element
}

type Cache struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	order    *list.List
	items    map[string]*entry
	listener EvictionListener
}

func New(maxBytes int) *Cache {
	c := &Cache{maxBytes: maxBytes, order: list.New(), items: map[string]*entry{}}
	c.listener = newStats(c)
	return c
}

func (c *Cache) Put(key string, val []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.bytes += len(val) - len(e.val)
		e.val = val
		c.order.MoveToFront(e.elem)
	} else {
		e := &entry{key: key, val: val}
		e.elem = c.order.PushFront(e)
		c.items[key] = e
		c.bytes += len(val)
	}
	for c.bytes > c.maxBytes && c.order.Len() > 1 {
		old := c.order.Remove(c.order.Back()).(*entry)
		delete(c.items, old.key)
		c.bytes -= len(old.val)
		c.listener.OnEvict(old.key, len(old.val))
	}
}

func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}
