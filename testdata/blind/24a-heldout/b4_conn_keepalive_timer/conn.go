package b4_conn_keepalive_timer

import (
	"context"
	"net"
	"sync"
	"time"
)

// conn is a per-connection loop that writes keepalive pings when poked.
type conn struct {
	id       uint64
	nc       net.Conn
	interval time.Duration
	pingCh   chan struct{}
	cancel   context.CancelFunc
}

func (c *conn) armKeepalive() {
	time.AfterFunc(c.interval, c.fireKeepalive)
}

// fireKeepalive runs on the timer goroutine, holding a direct pointer to c.
func (c *conn) fireKeepalive() {
	select {
	case c.pingCh <- struct{}{}:
	default:
	}
}

func (c *conn) loop(ctx context.Context) {
	defer func() {
		close(c.pingCh) // BAD: a pending keepalive timer still holds c and sends on pingCh after the loop exits
		_ = c.nc.Close()
	}()
	c.armKeepalive()
	for {
		select {
		case <-ctx.Done():
			return
		case <-c.pingCh:
			_ = c.nc.SetWriteDeadline(time.Now().Add(time.Second))
			_, _ = c.nc.Write([]byte("PING\r\n"))
			c.armKeepalive()
		}
	}
}

type Pool struct {
	mu    sync.RWMutex
	conns map[uint64]*conn
	seq   uint64
}

func NewPool() *Pool {
	return &Pool{conns: make(map[uint64]*conn)}
}

func (p *Pool) Add(ctx context.Context, nc net.Conn, interval time.Duration) uint64 {
	ctx, cancel := context.WithCancel(ctx)
	p.mu.Lock()
	p.seq++
	c := &conn{id: p.seq, nc: nc, interval: interval, pingCh: make(chan struct{}, 1), cancel: cancel}
	p.conns[c.id] = c
	p.mu.Unlock()
	go c.loop(ctx)
	return c.id
}

// Ping requests an immediate keepalive on connection id.
func (p *Pool) Ping(id uint64) bool {
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

// Remove drops the connection from the pool and stops its loop.
func (p *Pool) Remove(id uint64) {
	p.mu.Lock()
	c, ok := p.conns[id]
	delete(p.conns, id)
	p.mu.Unlock()
	if ok {
		c.cancel()
	}
}
