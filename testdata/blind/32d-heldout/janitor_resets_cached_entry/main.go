// BAD: the janitor goroutine calls reset on entries that are still in the map and
// still read by request goroutines through the locked getters, so reset's write to
// e.value races with Value/Set.
package main

import (
	"fmt"
	"sync"
	"time"
)

type entry struct {
	mu      sync.Mutex
	value   []byte
	expires time.Time
}

func (e *entry) Value() ([]byte, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.value == nil || time.Now().After(e.expires) {
		return nil, false
	}
	return e.value, true
}

func (e *entry) Set(v []byte, ttl time.Duration) {
	e.mu.Lock()
	e.value = v
	e.expires = time.Now().Add(ttl)
	e.mu.Unlock()
}

func (e *entry) expired(now time.Time) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.value != nil && now.After(e.expires)
}

// reset drops the cached bytes so the memory can be reclaimed.
func (e *entry) reset() {
	e.value = nil // want "without holding"
}

type Cache struct {
	mu      sync.RWMutex
	entries map[string]*entry
	stop    chan struct{}
}

func NewCache() *Cache {
	return &Cache{entries: make(map[string]*entry), stop: make(chan struct{})}
}

func (c *Cache) slot(key string) *entry {
	c.mu.RLock()
	e, ok := c.entries[key]
	c.mu.RUnlock()
	if ok {
		return e
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok = c.entries[key]; !ok {
		e = &entry{}
		c.entries[key] = e
	}
	return e
}

func (c *Cache) Get(key string) ([]byte, bool) { return c.slot(key).Value() }

func (c *Cache) Put(key string, v []byte, ttl time.Duration) { c.slot(key).Set(v, ttl) }

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
				if e.expired(now) {
					e.reset()
				}
			}
			c.mu.RUnlock()
		}
	}
}

func main() {
	c := NewCache()
	go c.janitor(5 * time.Millisecond)

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			key := fmt.Sprintf("user:%d", id%2)
			for j := 0; j < 200; j++ {
				if _, ok := c.Get(key); !ok {
					c.Put(key, []byte("profile"), time.Millisecond)
				}
				time.Sleep(100 * time.Microsecond)
			}
		}(i)
	}
	wg.Wait()
	close(c.stop)
}
