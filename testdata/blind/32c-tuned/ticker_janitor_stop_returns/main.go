// GOOD: the <-t.C case does periodic eviction and keeps looping by design, while the separate <-j.stop
// case returns, so Close ends the janitor goroutine.
package main

import (
	"fmt"
	"log"
	"sync"
	"time"
)

type entry struct {
	value   string
	expires time.Time
}

// TTLCache is a string cache whose entries expire.
type TTLCache struct {
	mu    sync.Mutex
	items map[string]entry
	ttl   time.Duration

	stop chan struct{}
	once sync.Once
	wg   sync.WaitGroup
}

// NewTTLCache creates a cache and starts a janitor that sweeps every sweep interval.
func NewTTLCache(ttl, sweep time.Duration) *TTLCache {
	c := &TTLCache{items: make(map[string]entry), ttl: ttl, stop: make(chan struct{})}
	c.wg.Add(1)
	go c.janitor(sweep)
	return c
}

func (c *TTLCache) janitor(every time.Duration) {
	defer c.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case now := <-t.C:
			if n := c.evictExpired(now); n > 0 {
				log.Printf("cache: evicted %d expired entries", n)
			}
		case <-c.stop:
			return
		}
	}
}

func (c *TTLCache) evictExpired(now time.Time) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for k, e := range c.items {
		if now.After(e.expires) {
			delete(c.items, k)
			n++
		}
	}
	return n
}

// Set stores v under k.
func (c *TTLCache) Set(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = entry{value: v, expires: time.Now().Add(c.ttl)}
}

// Get returns the value for k if it has not expired.
func (c *TTLCache) Get(k string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[k]
	if !ok || time.Now().After(e.expires) {
		return "", false
	}
	return e.value, true
}

// Close stops the janitor.
func (c *TTLCache) Close() {
	c.once.Do(func() { close(c.stop) })
	c.wg.Wait()
}

func main() {
	c := NewTTLCache(20*time.Millisecond, 5*time.Millisecond)
	defer c.Close()
	c.Set("session:42", "alice")
	v, ok := c.Get("session:42")
	fmt.Println(v, ok)
	time.Sleep(40 * time.Millisecond)
	_, ok = c.Get("session:42")
	fmt.Println("after ttl:", ok)
}
