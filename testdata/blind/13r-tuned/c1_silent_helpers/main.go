package main

import (
	"fmt"
	"sync"
)

type entry struct {
	key   string
	value []byte
	hits  int
}

// LRU is a small cache shared by request handlers. mu is a one-slot
// channel used as the cache lock.
type LRU struct {
	mu        chan struct{}
	cap       int
	items     map[string]*entry
	order     []string
	evictions int
	misses    int
}

func NewLRU(capacity int) *LRU {
	return &LRU{
		mu:    make(chan struct{}, 1),
		cap:   capacity,
		items: make(map[string]*entry),
	}
}

func (c *LRU) lock()   { c.mu <- struct{}{} }
func (c *LRU) unlock() { <-c.mu }

func (c *LRU) Get(key string) ([]byte, bool) {
	c.lock()
	defer c.unlock()
	e, ok := c.items[key]
	if !ok {
		c.misses++
		return nil, false
	}
	c.touchLocked(key)
	e.hits++
	return e.value, true
}

func (c *LRU) Put(key string, v []byte) {
	c.lock()
	if e, ok := c.items[key]; ok {
		e.value = v
		c.touchLocked(key)
		c.unlock()
		return
	}
	c.items[key] = &entry{key: key, value: v}
	c.order = append(c.order, key)
	for len(c.order) > c.cap {
		c.evictOldestLocked()
	}
	c.unlock()
}

func (c *LRU) touchLocked(key string) {
	for i, k := range c.order {
		if k == key {
			c.order = append(c.order[:i], c.order[i+1:]...)
			break
		}
	}
	c.order = append(c.order, key)
}

func (c *LRU) evictOldestLocked() {
	oldest := c.order[0]
	c.order = c.order[1:]
	delete(c.items, oldest)
	c.evictions++
}

func (c *LRU) Stats() (size, evictions, misses int) {
	c.lock()
	defer c.unlock()
	return len(c.items), c.evictions, c.misses
}

func main() {
	cache := NewLRU(8)
	var wg sync.WaitGroup
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				key := fmt.Sprintf("k%d", (i*w)%13)
				if _, ok := cache.Get(key); !ok {
					cache.Put(key, []byte(key))
				}
			}
		}(w)
	}
	wg.Wait()
	fmt.Println(cache.Stats())
}
