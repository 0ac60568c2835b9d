// Package geo caches IP-to-region lookups from a slow upstream database.
package geo

import (
	"errors"
	"log"
	"sync"
	"time"
)

var ErrSlowLookup = errors.New("geo: lookup timed out")

type Region struct {
	Country string
	City    string
}

type Upstream interface {
	Lookup(ip string) (Region, error)
}

type entry struct {
	region Region
	err    error
}

type Cache struct {
	up      Upstream
	timeout time.Duration

	mu   sync.Mutex
	hits map[string]entry
}

func NewCache(up Upstream, timeout time.Duration) *Cache {
	return &Cache{up: up, timeout: timeout, hits: make(map[string]entry)}
}

func (c *Cache) Region(ip string) (Region, error) {
	c.mu.Lock()
	e, ok := c.hits[ip]
	c.mu.Unlock()
	if ok {
		return e.region, e.err
	}

	result := make(chan entry)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("geo: upstream panicked for %s: %v", ip, r)
			}
		}()
		e := c.fill(ip)
		result <- e
	}()

	select {
	case e := <-result:
		return e.region, e.err
	case <-time.After(c.timeout):
		return Region{}, ErrSlowLookup
	}
}

func (c *Cache) fill(ip string) entry {
	r, err := c.up.Lookup(ip)
	e := entry{region: r, err: err}
	c.mu.Lock()
	c.hits[ip] = e
	c.mu.Unlock()
	return e
}
