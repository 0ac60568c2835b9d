// Package connpool shares upstream connections between request handlers.
package connpool

import (
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Conn is a pooled connection that several handlers may hold at once.
type Conn struct {
	refs     int32
	nc       net.Conn
	addr     string
	lastUsed time.Time
	pool     *Pool
}

// Retain adds a reference for a new holder.
func (c *Conn) Retain() *Conn {
	atomic.AddInt32(&c.refs, 1)
	return c
}

// Release drops the caller's reference and closes the connection when
// the last holder is gone.
func (c *Conn) Release() {
	c.lastUsed = time.Now()
	if atomic.AddInt32(&c.refs, -1) == 0 {
		c.pool.forget(c)
		c.nc.Close()
	}
}

// Idle reports how long the connection has been unused.
func (c *Conn) Idle() time.Duration {
	return time.Since(c.lastUsed)
}

func (c *Conn) Write(p []byte) (int, error) { return c.nc.Write(p) }

// Pool keeps one shared connection per address.
type Pool struct {
	mu    sync.Mutex
	conns map[string]*Conn
	dial  func(addr string) (net.Conn, error)
}

func New(dial func(addr string) (net.Conn, error)) *Pool {
	return &Pool{conns: make(map[string]*Conn), dial: dial}
}

// Get returns a retained connection to addr, dialing if needed.
func (p *Pool) Get(addr string) (*Conn, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.conns[addr]; ok {
		return c.Retain(), nil
	}
	nc, err := p.dial(addr)
	if err != nil {
		return nil, err
	}
	c := &Conn{refs: 1, nc: nc, addr: addr, lastUsed: time.Now(), pool: p}
	p.conns[addr] = c
	return c.Retain(), nil
}

func (p *Pool) forget(c *Conn) {
	p.mu.Lock()
	if p.conns[c.addr] == c {
		delete(p.conns, c.addr)
	}
	p.mu.Unlock()
}

// Drop removes the pool's own reference to addr's connection.
func (p *Pool) Drop(addr string) {
	p.mu.Lock()
	c, ok := p.conns[addr]
	p.mu.Unlock()
	if ok {
		c.Release()
	}
}
