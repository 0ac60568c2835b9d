package b4_conn_pool

import (
	"errors"
	"net"
	"sync"
)

var errPoolClosed = errors.New("pool: closed")

// Pool caps the number of concurrently open connections to one backend.
type Pool struct {
	mu     sync.Mutex
	cond   sync.Cond
	dial   func() (net.Conn, error)
	idle   []net.Conn
	active int
	max    int
	closed bool
}

// New returns a pool that allows at most max open connections.
func New(max int, dial func() (net.Conn, error)) *Pool {
	p := &Pool{dial: dial, max: max}
	p.cond.L = &p.mu
	return p
}

// Get returns an idle connection or dials a new one, blocking while the
// pool is at capacity.
func (p *Pool) Get() (net.Conn, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, errPoolClosed
	}
	if p.active >= p.max && len(p.idle) == 0 {
		p.cond.Wait() // BAD: another Get can take the freed slot between Put's Signal and this re-lock; active may be back at max
	}
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.active++
	p.mu.Unlock()

	c, err := p.dial()
	if err != nil {
		p.release()
		return nil, err
	}
	return c, nil
}

// Put hands a healthy connection back for reuse.
func (p *Pool) Put(c net.Conn) {
	p.mu.Lock()
	if p.closed {
		p.active--
		p.mu.Unlock()
		c.Close()
		return
	}
	p.idle = append(p.idle, c)
	p.mu.Unlock()
	p.cond.Signal()
}

// Discard closes a broken connection and frees its slot.
func (p *Pool) Discard(c net.Conn) {
	c.Close()
	p.release()
}

func (p *Pool) release() {
	p.mu.Lock()
	p.active--
	p.mu.Unlock()
	p.cond.Signal()
}

// Close closes idle connections; checked-out ones are closed on Put.
func (p *Pool) Close() error {
	p.mu.Lock()
	p.closed = true
	idle := p.idle
	p.idle = nil
	p.active -= len(idle)
	p.mu.Unlock()
	p.cond.Broadcast()
	for _, c := range idle {
		c.Close()
	}
	return nil
}
