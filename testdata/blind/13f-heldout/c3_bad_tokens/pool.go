// Package dbpool hands out a fixed number of database session tokens.
package dbpool

import (
	"fmt"
	"sync"
)

type Token struct {
	ID int
}

type Pool struct {
	mu     sync.Mutex
	cond   *sync.Cond
	free   []Token
	closed bool
}

func NewPool(n int) *Pool {
	p := &Pool{}
	p.cond = sync.NewCond(&p.mu)
	for i := 0; i < n; i++ {
		p.free = append(p.free, Token{ID: i + 1})
	}
	return p
}

// Acquire waits for a free token. It panics if the pool has been closed.
func (p *Pool) Acquire() Token {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.free) == 0 && !p.closed {
		p.cond.Wait()
	}
	if p.closed {
		panic(fmt.Sprintf("dbpool: Acquire on closed pool (%d free)", len(p.free)))
	}
	t := p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	return t
}

func (p *Pool) Release(t Token) {
	p.mu.Lock()
	p.free = append(p.free, t)
	p.mu.Unlock()
	p.cond.Signal()
}

func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.cond.Broadcast()
}
