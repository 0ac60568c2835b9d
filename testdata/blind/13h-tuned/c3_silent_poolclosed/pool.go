package bufpool

import (
	"bytes"
	"sync"
)

// Pool recycles byte buffers up to a fixed count.
type Pool struct {
	mu     sync.Mutex
	free   []*bytes.Buffer
	closed bool
	limit  int
}

func New(limit int) *Pool {
	return &Pool{limit: limit}
}

// Get returns an empty buffer. It panics if the pool has been closed.
func (p *Pool) Get() *bytes.Buffer {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		panic("bufpool: Get on closed pool")
	}
	if n := len(p.free); n > 0 {
		b := p.free[n-1]
		p.free = p.free[:n-1]
		return b
	}
	return new(bytes.Buffer)
}

func (p *Pool) Put(b *bytes.Buffer) {
	b.Reset()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || len(p.free) >= p.limit {
		return
	}
	p.free = append(p.free, b)
}

func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	p.free = nil
	p.mu.Unlock()
}
