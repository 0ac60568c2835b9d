package wsconn

import (
	"sync"
	"time"
)

// Conn tracks liveness of a websocket peer. Send, Healthy and Close
// are called serially by the connection's owner goroutine.
type Conn struct {
	mu       sync.Mutex
	lastPong time.Time
	inflight map[uint64]time.Time
	nextID   uint64

	hb *heartbeat
}

func NewConn(pongs <-chan time.Time) *Conn {
	c := &Conn{inflight: make(map[uint64]time.Time)}
	c.hb = newHeartbeat(pongs, c.pong)
	return c
}

func (c *Conn) pong(at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lastPong = at
	for id, sent := range c.inflight {
		if !sent.After(at) {
			delete(c.inflight, id)
		}
	}
}

func (c *Conn) Send() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	c.inflight[c.nextID] = time.Now()
	return c.nextID
}

func (c *Conn) Healthy(window time.Duration) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Since(c.lastPong) < window
}

func (c *Conn) Close() {
	c.inflight = nil
	c.hb.Stop()
}
