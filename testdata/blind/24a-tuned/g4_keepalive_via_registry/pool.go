// Correct: the keepalive timer only captures the id and pokes via Pool.poke, which sends under p.mu.RLock on a conn just found in p.conns; Remove deletes under p.mu.Lock before cancelling the loop that closes pingCh.
package g4_keepalive_via_registry

import (
	"context"
	"net"
	"sync"
	"time"
)

type conn struct {
	id     uint64
	nc     net.Conn
	pingCh chan struct{}
	cancel context.CancelFunc
}

func (c *conn) loop(ctx context.Context, p *Pool) {
	defer func() {
		close(c.pingCh)
		_ = c.nc.Close()
	}()
	p.armKeepalive(c.id)
	for {
		select {
		case <-ctx.Done():
			return
		case <-c.pingCh:
			_ = c.nc.SetWriteDeadline(time.Now().Add(time.Second))
			_, _ = c.nc.Write([]byte("PING\r\n"))
			p.armKeepalive(c.id)
		}
	}
}

type Pool struct {
	mu       sync.RWMutex
	conns    map[uint64]*conn
	seq      uint64
	interval time.Duration
}

func NewPool(interval time.Duration) *Pool {
	return &Pool{conns: make(map[uint64]*conn), interval: interval}
}

func (p *Pool) Add(ctx context.Context, nc net.Conn) uint64 {
	ctx, cancel := context.WithCancel(ctx)
	p.mu.Lock()
	p.seq++
	c := &conn{id: p.seq, nc: nc, pingCh: make(chan struct{}, 1), cancel: cancel}
	p.conns[c.id] = c
	p.mu.Unlock()
	go c.loop(ctx, p)
	return c.id
}

// armKeepalive schedules a poke by id; the timer never holds the *conn.
func (p *Pool) armKeepalive(id uint64) {
	time.AfterFunc(p.interval, func() { p.poke(id) })
}

// poke looks the connection up and signals it while holding the read lock.
func (p *Pool) poke(id uint64) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	c, ok := p.conns[id]
	if !ok {
		return false
	}
	select {
	case c.pingCh <- struct{}{}:
	default:
	}
	return true
}

// Ping requests an immediate keepalive on connection id.
func (p *Pool) Ping(id uint64) bool { return p.poke(id) }

func (p *Pool) Remove(id uint64) {
	p.mu.Lock()
	c, ok := p.conns[id]
	delete(p.conns, id)
	p.mu.Unlock()
	if ok {
		c.cancel()
	}
}
