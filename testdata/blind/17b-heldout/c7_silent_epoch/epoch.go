package epoch

import (
	"sync"
	"time"
)

type Clock struct {
	mu    sync.Mutex
	tick  *sync.Cond
	epoch uint64
	stop  bool
}

func Start(period time.Duration) *Clock {
	c := &Clock{}
	c.tick = sync.NewCond(&c.mu)
	go c.run(period)
	return c
}

func (c *Clock) run(period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for range t.C {
		c.mu.Lock()
		if c.stop {
			c.mu.Unlock()
			return
		}
		c.epoch++
		c.tick.Broadcast()
		c.mu.Unlock()
	}
}

func (c *Clock) Current() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.epoch
}

func (c *Clock) WaitPast(e uint64) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.epoch <= e && !c.stop {
		c.tick.Wait()
	}
	return c.epoch
}

func (c *Clock) Stop() {
	c.mu.Lock()
	c.stop = true
	c.tick.Broadcast()
	c.mu.Unlock()
}
