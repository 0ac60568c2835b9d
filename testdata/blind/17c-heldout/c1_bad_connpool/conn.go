package dbpool

import (
	"net"
	"sync"
	"time"
)

type Conn struct {
	mu       sync.Mutex
	nc       net.Conn
	pool     *Pool
	lastUsed time.Time
	broken   bool
}

func (c *Conn) Exec(query string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nc.SetDeadline(time.Now().Add(5 * time.Second))
	_, err := c.nc.Write([]byte(query + "\n"))
	if err != nil {
		c.broken = true
	}
	c.lastUsed = time.Now()
	return err
}

func (c *Conn) idleFor() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Since(c.lastUsed)
}

func (c *Conn) Release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lastUsed = time.Now()
	if c.broken {
		c.nc.Close()
		c.pool.forget(c)
		return
	}
	c.pool.put(c)
}
