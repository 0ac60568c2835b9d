// GOOD: Close walks the pool under p.mu.RLock, but the helper it calls, release, takes
// the connection's own mutex before clearing c.conn and c.idle, the same lock that Do and
// Checkout use, so the write is properly guarded.
package main

import (
	"errors"
	"fmt"
	"net"
	"sync"
	"time"
)

var errReleased = errors.New("connection released")

type pooledConn struct {
	addr string

	mu       sync.Mutex
	conn     net.Conn
	idle     bool
	lastUsed time.Time
}

func (c *pooledConn) Checkout() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil {
		return errReleased
	}
	c.idle = false
	c.lastUsed = time.Now()
	return nil
}

func (c *pooledConn) Do(payload []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil {
		return errReleased
	}
	_, err := c.conn.Write(payload)
	c.idle = true
	return err
}

func (c *pooledConn) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn != nil {
		c.conn.Close()
	}
	c.conn = nil
	c.idle = false
}

type Pool struct {
	mu    sync.RWMutex
	conns map[string]*pooledConn
}

func NewPool() *Pool { return &Pool{conns: make(map[string]*pooledConn)} }

func (p *Pool) Add(addr string, nc net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.conns[addr] = &pooledConn{addr: addr, conn: nc, idle: true, lastUsed: time.Now()}
}

func (p *Pool) Send(addr string, payload []byte) error {
	p.mu.RLock()
	c := p.conns[addr]
	p.mu.RUnlock()
	if c == nil {
		return fmt.Errorf("no connection to %s", addr)
	}
	if err := c.Checkout(); err != nil {
		return err
	}
	return c.Do(payload)
}

// Close releases every pooled connection; requests may still be running.
func (p *Pool) Close() {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for _, c := range p.conns {
		c.release()
	}
}

func main() {
	p := NewPool()
	for _, addr := range []string{"a:1", "b:2"} {
		client, server := net.Pipe()
		go func() {
			buf := make([]byte, 64)
			for {
				if _, err := server.Read(buf); err != nil {
					return
				}
			}
		}()
		p.Add(addr, client)
	}
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_ = p.Send([]string{"a:1", "b:2"}[i%2], []byte("hello"))
		}(i)
	}
	wg.Wait()
	p.Close()
	fmt.Println(p.Send("a:1", []byte("late")))
}
