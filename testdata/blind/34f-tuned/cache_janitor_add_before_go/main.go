// GOOD: Start calls c.wg.Add(1) in the caller's goroutine before `go c.janitor(ctx)`,
// and janitor only calls Done, so the Add is ordered before Close's c.wg.Wait() by
// program order in main.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type entry struct {
	value   string
	expires time.Time
}

// TTLCache is a string cache whose entries expire.
type TTLCache struct {
	mu      sync.Mutex
	items   map[string]entry
	ttl     time.Duration
	wg      sync.WaitGroup
	cancel  context.CancelFunc
	evicted int
}

func NewTTLCache(ttl time.Duration) *TTLCache {
	return &TTLCache{items: make(map[string]entry), ttl: ttl}
}

// Start launches the background janitor.
func (c *TTLCache) Start(every time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	c.wg.Add(1)
	go c.janitor(ctx, every)
}

func (c *TTLCache) janitor(ctx context.Context, every time.Duration) {
	defer c.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			c.evictBefore(now)
		}
	}
}

func (c *TTLCache) evictBefore(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.items {
		if now.After(e.expires) {
			delete(c.items, k)
			c.evicted++
		}
	}
}

func (c *TTLCache) Set(key, value string) {
	c.mu.Lock()
	c.items[key] = entry{value: value, expires: time.Now().Add(c.ttl)}
	c.mu.Unlock()
}

func (c *TTLCache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok || time.Now().After(e.expires) {
		return "", false
	}
	return e.value, true
}

// Close stops the janitor and waits for it to exit.
func (c *TTLCache) Close() {
	if c.cancel != nil {
		c.cancel()
	}
	c.wg.Wait()
}

func main() {
	c := NewTTLCache(20 * time.Millisecond)
	c.Start(5 * time.Millisecond)

	c.Set("session:42", "alice")
	if v, ok := c.Get("session:42"); ok {
		fmt.Println("hit:", v)
	}
	time.Sleep(40 * time.Millisecond)
	_, ok := c.Get("session:42")
	fmt.Println("still present after ttl:", ok)

	c.Close()
	c.mu.Lock()
	fmt.Println("evicted:", c.evicted)
	c.mu.Unlock()
}
