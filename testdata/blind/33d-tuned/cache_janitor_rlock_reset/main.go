// BAD: the janitor walks the cache under c.mu.RLock and calls e.reset, which clears
// e.value without e.mu; request goroutines read and write e.value under e.mu only, so
// holding the cache's read lock does not exclude them.
package main

import (
	"fmt"
	"sync"
	"time"
)

type entry struct {
	mu      sync.Mutex
	value   []byte
	touched time.Time
}

func (e *entry) Get() []byte {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.touched = time.Now()
	return e.value
}

func (e *entry) Set(v []byte) {
	e.mu.Lock()
	e.value = v
	e.touched = time.Now()
	e.mu.Unlock()
}

func (e *entry) idleSince() time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.touched
}

// reset drops the cached payload so the memory can be reclaimed.
func (e *entry) reset() {
	e.value = nil // want "without holding"
}

type Cache struct {
	mu      sync.RWMutex
	entries map[string]*entry
	ttl     time.Duration
	stop    chan struct{}
}

func NewCache(ttl time.Duration) *Cache {
	c := &Cache{entries: make(map[string]*entry), ttl: ttl, stop: make(chan struct{})}
	go c.janitor(ttl / 2)
	return c
}

func (c *Cache) lookup(key string) *entry {
	c.mu.RLock()
	e := c.entries[key]
	c.mu.RUnlock()
	return e
}

func (c *Cache) Get(key string) ([]byte, bool) {
	e := c.lookup(key)
	if e == nil {
		return nil, false
	}
	v := e.Get()
	return v, v != nil
}

func (c *Cache) Put(key string, v []byte) {
	if e := c.lookup(key); e != nil {
		e.Set(v)
		return
	}
	c.mu.Lock()
	e, ok := c.entries[key]
	if !ok {
		e = &entry{}
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.Set(v)
}

func (c *Cache) janitor(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case now := <-t.C:
			c.mu.RLock()
			for _, e := range c.entries {
				if now.Sub(e.idleSince()) > c.ttl {
					e.reset()
				}
			}
			c.mu.RUnlock()
		}
	}
}

func (c *Cache) Close() { close(c.stop) }

func main() {
	c := NewCache(4 * time.Millisecond)
	defer c.Close()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				key := fmt.Sprintf("k%d", j%10)
				c.Put(key, []byte{byte(i), byte(j)})
				c.Get(key)
				time.Sleep(time.Millisecond)
			}
		}(i)
	}
	wg.Wait()
}
