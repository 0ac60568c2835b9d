package lru

import (
	"container/list"
	"sync"
)

type entry struct {
	key   string
	value []byte
}

type Cache struct {
	mu        sync.Mutex
	max       int
	ll        *list.List
	items     map[string]*list.Element
	evictions int
	onEvict   func(key string, value []byte)
}

func New(max int) *Cache {
	c := &Cache{max: max, ll: list.New(), items: make(map[string]*list.Element)}
	c.onEvict = c.countEviction
	return c
}

func (c *Cache) countEviction(key string, value []byte) {
	c.mu.Lock()
	c.evictions++
	c.mu.Unlock()
}

func (c *Cache) Stats() (size, evictions int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len(), c.evictions
}

func (c *Cache) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(el)
	return el.Value.(*entry).value, true
}

func (c *Cache) Add(key string, value []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value.(*entry).value = value
		c.ll.MoveToFront(el)
		return
	}
	c.items[key] = c.ll.PushFront(&entry{key, value})
	for c.ll.Len() > c.max {
		c.removeOldest()
	}
}

func (c *Cache) removeOldest() {
	el := c.ll.Back()
	if el == nil {
		return
	}
	c.ll.Remove(el)
	e := el.Value.(*entry)
	delete(c.items, e.key)
	if c.onEvict != nil {
		c.onEvict(e.key, e.value)
	}
}
