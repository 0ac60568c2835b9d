package main

import (
	"fmt"
	"sync"
)

// Cache loads entries through a loader goroutine and tracks hit statistics
// opportunistically.
type Cache struct {
	mu      sync.Mutex
	entries map[string]string
	loads   int
}

func (c *Cache) noteLoad() {
	if c.mu.TryLock() {
		c.loads++
		c.mu.Unlock()
		return
	}
	// stats are best effort; never wait for the cache lock here
}

func (c *Cache) load(key string, out chan<- string) {
	v := "value-of-" + key
	c.noteLoad()
	out <- v
}

// Get returns the entry for key, loading it while holding the cache lock so
// concurrent callers do not load the same key twice.
func (c *Cache) Get(key string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.entries[key]; ok {
		return v
	}
	out := make(chan string)
	go c.load(key, out)
	v := <-out
	c.entries[key] = v
	return v
}

func main() {
	c := &Cache{entries: make(map[string]string)}
	fmt.Println(c.Get("a"))
	fmt.Println(c.Get("a"))
	fmt.Println(c.Get("b"))
}
