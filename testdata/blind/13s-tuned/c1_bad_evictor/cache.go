package evictor

import (
	"sync"
	"time"
)

type entry struct {
	value   string
	expires time.Time
}

// TTLCache keeps entries until their deadline and drops them from a
// background evictor goroutine.
type TTLCache struct {
	mu      sync.Mutex
	items   map[string]entry
	ttl     time.Duration
	stop    chan struct{}
	running bool

	// Owned by the evictor goroutine while it runs.
	evictions int
	lastSweep time.Time
}

func New(ttl time.Duration) *TTLCache {
	return &TTLCache{items: make(map[string]entry), ttl: ttl}
}

func (c *TTLCache) Put(key, value string) {
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

// Start launches the evictor with the given sweep interval.
func (c *TTLCache) Start(every time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.running {
		return
	}
	c.running = true
	c.stop = make(chan struct{})
	go c.evict(every, c.stop)
}

// Restart replaces the evictor with one using a new interval and clears
// the sweep statistics.
func (c *TTLCache) Restart(every time.Duration) {
	c.mu.Lock()
	if c.running {
		close(c.stop)
		c.running = false
	}
	c.evictions = 0
	c.lastSweep = time.Time{}
	c.mu.Unlock()
	c.Start(every)
}

func (c *TTLCache) evict(every time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			c.mu.Lock()
			n := 0
			for k, e := range c.items {
				if now.After(e.expires) {
					delete(c.items, k)
					n++
				}
			}
			c.mu.Unlock()
			c.evictions += n
			c.lastSweep = now
		}
	}
}
