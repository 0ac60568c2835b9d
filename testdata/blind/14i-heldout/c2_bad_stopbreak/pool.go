// Package connpool keeps a pool of idle connections and prunes stale ones.
package connpool

import (
	"net"
	"sync"
	"time"
)

type idleConn struct {
	c     net.Conn
	since time.Time
}

// Pool holds idle connections to one address.
type Pool struct {
	addr    string
	maxIdle time.Duration

	mu   sync.Mutex
	idle []idleConn

	stop     chan struct{}
	stopOnce sync.Once
}

// NewPool creates a pool and starts its pruner.
func NewPool(addr string, maxIdle time.Duration) *Pool {
	p := &Pool{addr: addr, maxIdle: maxIdle, stop: make(chan struct{})}
	go p.pruner()
	return p
}

func (p *Pool) pruner() {
	t := time.NewTicker(p.maxIdle / 2)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			p.closeAll()
			break
		case now := <-t.C:
			p.prune(now)
		}
	}
}

func (p *Pool) prune(now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	kept := p.idle[:0]
	for _, ic := range p.idle {
		if now.Sub(ic.since) > p.maxIdle {
			ic.c.Close()
			continue
		}
		kept = append(kept, ic)
	}
	p.idle = kept
}

func (p *Pool) closeAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, ic := range p.idle {
		ic.c.Close()
	}
	p.idle = nil
}

// Get returns an idle connection or dials a new one.
func (p *Pool) Get() (net.Conn, error) {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		ic := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return ic.c, nil
	}
	p.mu.Unlock()
	return net.DialTimeout("tcp", p.addr, 5*time.Second)
}

// Put returns a connection to the pool.
func (p *Pool) Put(c net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle = append(p.idle, idleConn{c: c, since: time.Now()})
}

// Close stops the pruner and closes idle connections.
func (p *Pool) Close() {
	p.stopOnce.Do(func() { close(p.stop) })
}
