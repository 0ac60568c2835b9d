// Package warmup fills caches in the background and waits for them,
// but a cache that fails to load never says it is done.
package warmup

import (
	"errors"
	"sync"
)

// A Cache loads its entries once.
type Cache struct {
	name    string
	entries map[string]string
}

func (c *Cache) load() error {
	if c.name == "" {
		return errors.New("unnamed cache")
	}
	c.entries = map[string]string{c.name: c.name}
	return nil
}

// All loads every cache, each in a goroutine of its own.
func All(caches []*Cache) {
	var wg sync.WaitGroup
	for _, c := range caches {
		wg.Add(1)
		go func() {
			if err := c.load(); err != nil {
				return // skips the Done below
			}
			wg.Done()
		}()
	}
	wg.Wait() // finding: partnerexit
}
