package loader

import (
	"strings"
	"sync"
)

type Catalog struct {
	mu      sync.Mutex
	cond    *sync.Cond
	raw     string
	entries map[string]string
	built   chan struct{}
}

func NewCatalog() *Catalog {
	c := &Catalog{
		entries: make(map[string]string),
		built:   make(chan struct{}),
	}
	c.cond = sync.NewCond(&c.mu)
	go c.indexer()
	return c
}

func (c *Catalog) indexer() {
	c.mu.Lock()
	c.cond.Wait()
	for _, line := range strings.Split(c.raw, "\n") {
		k, v, ok := strings.Cut(line, "=")
		if ok {
			c.entries[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	c.mu.Unlock()
	close(c.built)
}

func (c *Catalog) Load(raw string) {
	c.mu.Lock()
	c.raw = raw
	c.cond.Signal()
	c.mu.Unlock()
	<-c.built
}

func (c *Catalog) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.entries[key]
	return v, ok
}
