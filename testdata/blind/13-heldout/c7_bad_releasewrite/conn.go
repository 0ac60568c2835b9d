// Class 7, BAD: Release writes c.lastUsed and c.uses without c.mu before it knows the count reached zero, while other holders of the same conn call Touch/Idle, which access those fields under c.mu: a data race.
package c7_bad_releasewrite

import (
	"net"
	"sync"
	"sync/atomic"
	"time"
)

type SharedConn struct {
	net.Conn
	refs     atomic.Int64
	mu       sync.Mutex
	lastUsed time.Time
	uses     int
	onFree   func(*SharedConn)
}

func Wrap(c net.Conn, onFree func(*SharedConn)) *SharedConn {
	sc := &SharedConn{Conn: c, onFree: onFree, lastUsed: time.Now()}
	sc.refs.Store(1)
	return sc
}

func (c *SharedConn) Acquire() *SharedConn {
	c.refs.Add(1)
	return c
}

func (c *SharedConn) Touch() {
	c.mu.Lock()
	c.lastUsed = time.Now()
	c.uses++
	c.mu.Unlock()
}

func (c *SharedConn) Idle() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Since(c.lastUsed)
}

func (c *SharedConn) Release() {
	c.lastUsed = time.Now() // WANT unlockedwrite
	c.uses++                // WANT unlockedwrite
	if c.refs.Add(-1) == 0 {
		c.onFree(c)
	}
}
