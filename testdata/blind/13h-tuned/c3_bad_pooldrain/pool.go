package rpcpool

import (
	"errors"
	"net"
	"sync"
	"time"
)

var ErrClosed = errors.New("rpcpool: pool closed")

type Pool struct {
	mu     sync.Mutex
	addr   string
	idle   []net.Conn
	closed bool
}

func NewPool(addr string) *Pool { return &Pool{addr: addr} }

// Checkout returns an idle connection or dials a new one.
func (p *Pool) Checkout() (net.Conn, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, ErrClosed
	}
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	return net.DialTimeout("tcp", p.addr, 5*time.Second)
}

func (p *Pool) Checkin(c net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		c.Close()
		return
	}
	p.idle = append(p.idle, c)
}

func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	for _, c := range p.idle {
		c.Close()
	}
	p.idle = nil
	p.mu.Unlock()
}
