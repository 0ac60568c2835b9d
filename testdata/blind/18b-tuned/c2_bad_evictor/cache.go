package main

import (
	"fmt"
	"sync"
	"time"
)

type entry struct {
	value    string
	storedAt time.Time
}

// TTLCache is a string cache whose entries are dropped by a background
// evictor once they are older than ttl.
type TTLCache struct {
	mu      sync.Mutex
	items   map[string]entry
	ttl     time.Duration
	every   time.Duration
	stop    chan struct{}
	evicted int
}

func NewTTLCache(ttl, every time.Duration) *TTLCache {
	c := &TTLCache{items: make(map[string]entry), ttl: ttl, every: every}
	c.stop = make(chan struct{})
	go c.evictLoop(c.stop, every)
	return c
}

func (c *TTLCache) Set(k, v string) {
	c.mu.Lock()
	c.items[k] = entry{value: v, storedAt: time.Now()}
	c.mu.Unlock()
}

func (c *TTLCache) Get(k string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[k]
	return e.value, ok
}

func (c *TTLCache) evictLoop(stop <-chan struct{}, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			cutoff := now.Add(-c.ttl)
			c.mu.Lock()
			for k, e := range c.items {
				if e.storedAt.Before(cutoff) {
					delete(c.items, k)
					c.evicted++
				}
			}
			c.mu.Unlock()
		}
	}
}

// SetTTL changes the expiry and restarts the evictor with the new settings.
func (c *TTLCache) SetTTL(ttl time.Duration) {
	close(c.stop)
	c.ttl = ttl
	c.stop = make(chan struct{})
	go c.evictLoop(c.stop, c.every)
}

// Close stops the evictor.
func (c *TTLCache) Close() {
	close(c.stop)
}

func main() {
	c := NewTTLCache(5*time.Millisecond, time.Millisecond)
	defer c.Close()
	for i := 0; i < 20; i++ {
		c.Set(fmt.Sprintf("session-%d", i), "token")
		if i%5 == 4 {
			c.SetTTL(time.Duration(i) * time.Millisecond)
		}
		time.Sleep(time.Millisecond)
	}
	_, ok := c.Get("session-19")
	c.mu.Lock()
	fmt.Println("evicted:", c.evicted, "latest present:", ok)
	c.mu.Unlock()
}
