package cache

import (
	"sync"

	"unlockedwrite/xpkg/deep"
	"unlockedwrite/xpkg/stats"
)

type Cache struct {
	mu    sync.Mutex
	items map[string]int
	usage stats.Usage
}

func New() *Cache {
	c := &Cache{items: map[string]int{}}
	stats.Miss(&c.usage) // not yet published: silent
	return c
}

func (c *Cache) Get(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[k]
	if !ok {
		c.usage.Misses++
		return 0
	}
	c.usage.Hits++
	return v
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
	c.usage.Bytes += v
}

func (c *Cache) Stats() stats.Usage {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.usage
}

// RecordMiss writes c.usage.Misses in stats.Miss, without c.mu.
func (c *Cache) RecordMiss() {
	stats.Miss(&c.usage) // want `call of stats.Miss writes c.usage \(u.Misses\) without holding c.mu, which guards it in 6 of 9 functions`
}

// RecordDeep: two packages deep.
func (c *Cache) RecordDeep() {
	deep.Run(&c.usage) // want `call of stats.Miss writes c.usage \(u.Misses\) without holding c.mu`
}

// Start runs a goroutine that records through a helper of stats.
func (c *Cache) Start() {
	go c.loop()
}

func (c *Cache) loop() {
	for i := 0; i < 10; i++ {
		stats.Record(&c.usage, i) // want `call of stats.bump writes c.usage \(u.Hits\) without holding c.mu`
	}
}

// RecordLocked holds the lock across the call: silent.
func (c *Cache) RecordLocked() {
	c.mu.Lock()
	stats.Miss(&c.usage)
	c.mu.Unlock()
}

// RecordDeepLocked holds the lock across a call two packages deep.
func (c *Cache) RecordDeepLocked() {
	c.mu.Lock()
	defer c.mu.Unlock()
	deep.Run(&c.usage)
}

// RecordHelperLocks: the helper takes the lock it is given.
func (c *Cache) RecordHelperLocks() {
	stats.LockedMiss(&c.mu, &c.usage)
}

// Snapshot writes a per-call copy, taken under the lock.
func (c *Cache) Snapshot() stats.Usage {
	c.mu.Lock()
	u := c.usage
	c.mu.Unlock()
	stats.Miss(&u)
	return stats.Bumped(u)
}

// Fresh writes a value of its own.
func Fresh() stats.Usage {
	var u stats.Usage
	stats.Record(&u, 1)
	return u
}
