package warmup

import (
	"sync"
	"time"
)

type Loader func() (map[string]string, error)

type Cache struct {
	mu    sync.Mutex
	ready *sync.Cond
	data  map[string]string
	err   error
}

func NewCache(load Loader) *Cache {
	c := &Cache{data: map[string]string{}}
	c.ready = sync.NewCond(&c.mu)
	go c.warm(load)
	return c
}

func (c *Cache) warm(load Loader) {
	start := time.Now()
	data, err := load()
	c.mu.Lock()
	if err == nil {
		c.data = data
	}
	c.err = err
	c.mu.Unlock()
	_ = time.Since(start)

	c.mu.Lock()
	c.ready.Broadcast()
	c.mu.Unlock()
}

func (c *Cache) AwaitWarm() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ready.Wait()
	return c.err
}

func (c *Cache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.data[key]
	return v, ok
}
