// BAD: the sweeper goroutine reads c.maxAge on every tick, while Reload, run from the
// SIGHUP-handling goroutine after Start, assigns c.maxAge with no lock or atomic.
package main

import (
	"log"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"syscall"
	"time"
)

type entry struct {
	value    string
	storedAt time.Time
}

// Cache holds entries and evicts stale ones from a background sweeper.
type Cache struct {
	mu     sync.Mutex
	items  map[string]entry
	maxAge time.Duration
	stop   chan struct{}
}

func NewCache(maxAge time.Duration) *Cache {
	return &Cache{items: make(map[string]entry), maxAge: maxAge, stop: make(chan struct{})}
}

func (c *Cache) Start() {
	go c.sweep()
}

func (c *Cache) sweep() {
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		select {
		case <-c.stop:
			return
		case now := <-ticker.C:
			cutoff := now.Add(-c.maxAge)
			c.mu.Lock()
			for k, e := range c.items {
				if e.storedAt.Before(cutoff) {
					delete(c.items, k)
				}
			}
			c.mu.Unlock()
		}
	}
}

func (c *Cache) Put(k, v string) {
	c.mu.Lock()
	c.items[k] = entry{value: v, storedAt: time.Now()}
	c.mu.Unlock()
}

// Reload re-reads tunables from the environment.
func (c *Cache) Reload() {
	secs, err := strconv.Atoi(os.Getenv("CACHE_MAX_AGE_SECONDS"))
	if err != nil || secs <= 0 {
		log.Printf("reload: keeping max age %v", c.maxAge)
		return
	}
	c.maxAge = time.Duration(secs) * time.Second // want "without a lock|without holding"
	log.Printf("reload: max age now %v", c.maxAge)
}

func (c *Cache) Stop() { close(c.stop) }

func main() {
	cache := NewCache(30 * time.Second)
	cache.Start()
	defer cache.Stop()

	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		for range hup {
			cache.Reload()
		}
	}()

	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGINT, syscall.SIGTERM)
	for i := 0; ; i++ {
		select {
		case <-term:
			return
		case <-time.After(200 * time.Millisecond):
			cache.Put("key"+strconv.Itoa(i%50), "v")
		}
	}
}
