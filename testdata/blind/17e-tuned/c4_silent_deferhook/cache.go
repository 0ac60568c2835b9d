package deferhook

import (
	"sync"
	"time"
)

type item struct {
	val     string
	expires time.Time
}

type TTLCache struct {
	mu       sync.Mutex
	items    map[string]item
	ttl      time.Duration
	onExpire func(key string)
	expiredN int
}

func NewTTLCache(ttl time.Duration) *TTLCache {
	c := &TTLCache{items: make(map[string]item), ttl: ttl}
	c.onExpire = c.noteExpired
	return c
}

func (c *TTLCache) noteExpired(key string) {
	c.mu.Lock()
	c.expiredN++
	c.mu.Unlock()
}

func (c *TTLCache) Set(key, val string) {
	c.mu.Lock()
	c.items[key] = item{val: val, expires: time.Now().Add(c.ttl)}
	c.mu.Unlock()
}

func (c *TTLCache) Sweep(now time.Time) int {
	var gone []string
	c.mu.Lock()
	for k, it := range c.items {
		if now.After(it.expires) {
			delete(c.items, k)
			gone = append(gone, k)
		}
	}
	c.mu.Unlock()

	for _, k := range gone {
		c.onExpire(k)
	}
	return len(gone)
}

func (c *TTLCache) Expired() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.expiredN
}
