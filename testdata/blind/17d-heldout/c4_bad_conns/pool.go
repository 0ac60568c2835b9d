package dbpool

import (
	"errors"
	"sync"
	"time"
)

type conn struct {
	id       int
	lastUsed time.Time
	broken   bool
}

type Pool struct {
	connMu  sync.Mutex
	idle    []*conn
	open    int
	max     int
	statsMu sync.Mutex
	waits   int
	maxIdle time.Duration
	nextID  int
}

var ErrExhausted = errors.New("dbpool: exhausted")

func New(max int, maxIdle time.Duration) *Pool {
	p := &Pool{max: max, maxIdle: maxIdle}
	go p.janitor()
	return p
}

func (p *Pool) Get() (*conn, error) {
	p.connMu.Lock()
	defer p.connMu.Unlock()
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		return c, nil
	}
	if p.open >= p.max {
		p.noteWait()
		return nil, ErrExhausted
	}
	p.open++
	p.nextID++
	return &conn{id: p.nextID, lastUsed: time.Now()}, nil
}

func (p *Pool) Put(c *conn) {
	p.connMu.Lock()
	defer p.connMu.Unlock()
	if c.broken {
		p.open--
		return
	}
	c.lastUsed = time.Now()
	p.idle = append(p.idle, c)
}
