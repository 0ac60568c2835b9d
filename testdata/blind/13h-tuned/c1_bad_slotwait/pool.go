package dbpool

import (
	"net"
	"sync"
)

type idleConn struct {
	c    net.Conn
	next *idleConn
}

type Pool struct {
	mu    sync.Mutex
	freed *sync.Cond
	idle  *idleConn
	open  int
	max   int
	dial  func() (net.Conn, error)
}

func NewPool(max int, dial func() (net.Conn, error)) *Pool {
	p := &Pool{max: max, dial: dial}
	p.freed = sync.NewCond(&p.mu)
	return p
}

func (p *Pool) Get() (net.Conn, error) {
	p.mu.Lock()
	if p.idle == nil && p.open < p.max {
		p.open++
		p.mu.Unlock()
		c, err := p.dial()
		if err != nil {
			p.release()
			return nil, err
		}
		return c, nil
	}
	if p.idle == nil {
		p.freed.Wait()
	}
	ic := p.idle
	p.idle = ic.next
	p.mu.Unlock()
	return ic.c, nil
}

func (p *Pool) Put(c net.Conn) {
	p.mu.Lock()
	p.idle = &idleConn{c: c, next: p.idle}
	p.mu.Unlock()
	p.freed.Broadcast()
}

func (p *Pool) Discard(c net.Conn) error {
	err := c.Close()
	p.release()
	return err
}

func (p *Pool) release() {
	p.mu.Lock()
	p.open--
	p.mu.Unlock()
	p.freed.Broadcast()
}
