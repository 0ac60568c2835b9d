package cache

import (
	"sync"

	"unlockedwrite/xpkg/stats"
)

// Conn's state is locked in two functions only: a plain store through
// a helper is reported only where it surely runs beside them.
type Conn struct {
	mu    sync.Mutex
	wg    sync.WaitGroup
	state stats.Usage
}

func (c *Conn) Ack() {
	c.mu.Lock()
	c.state.Bytes = 0
	c.mu.Unlock()
}

func (c *Conn) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state.Bytes
}

func (c *Conn) Open() {
	c.wg.Add(1)
	go c.readLoop()
}

func (c *Conn) readLoop() {
	defer c.wg.Done()
	stats.Set(&c.state, 1) // want `call of stats.Set writes c.state \(u.Bytes\) without holding c.mu, declared after it in the struct`
}

// Close stores after the reader has stopped: no goroutine reaches
// reset, and Close waits first.
func (c *Conn) Close() {
	c.wg.Wait()
	c.reset()
}

func (c *Conn) reset() {
	stats.Set(&c.state, 0)
}
