package dbpool

import (
	"errors"
	"net"
	"sync"
	"time"
)

type Pool struct {
	mu    sync.Mutex
	idle  []*Conn
	all   map[*Conn]struct{}
	open  int
	max   int
	dial  func() (net.Conn, error)
	stats Stats
}

type Stats struct {
	Reused  int
	Dialed  int
	Evicted int
}

var ErrExhausted = errors.New("dbpool: pool exhausted")

func NewPool(max int, dial func() (net.Conn, error)) *Pool {
	p := &Pool{max: max, dial: dial, all: make(map[*Conn]struct{})}
	go p.janitor(30 * time.Second)
	return p
}

func (p *Pool) Get() (*Conn, error) {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.stats.Reused++
		p.mu.Unlock()
		return c, nil
	}
	if p.open >= p.max {
		p.mu.Unlock()
		return nil, ErrExhausted
	}
	p.open++
	p.stats.Dialed++
	p.mu.Unlock()

	nc, err := p.dial()
	if err != nil {
		p.mu.Lock()
		p.open--
		p.mu.Unlock()
		return nil, err
	}
	c := &Conn{nc: nc, pool: p, lastUsed: time.Now()}
	p.mu.Lock()
	p.all[c] = struct{}{}
	p.mu.Unlock()
	return c, nil
}

func (p *Pool) put(c *Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle = append(p.idle, c)
}

func (p *Pool) forget(c *Conn) {
	p.mu.Lock()
	delete(p.all, c)
	p.open--
	p.mu.Unlock()
}

func (p *Pool) janitor(every time.Duration) {
	for range time.Tick(every) {
		p.evictStale(2 * every)
	}
}

func (p *Pool) evictStale(maxIdle time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	keep := p.idle[:0]
	for _, c := range p.idle {
		if c.idleFor() > maxIdle {
			c.nc.Close()
			delete(p.all, c)
			p.open--
			p.stats.Evicted++
			continue
		}
		keep = append(keep, c)
	}
	p.idle = keep
}

func (p *Pool) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.all {
		c.mu.Lock()
		c.broken = true
		c.nc.Close()
		c.mu.Unlock()
	}
	p.all = make(map[*Conn]struct{})
	p.idle = nil
	p.open = 0
}
