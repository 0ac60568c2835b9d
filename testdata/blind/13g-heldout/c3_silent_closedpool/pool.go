package bufpool

import (
	"sync"
	"sync/atomic"
)

type Pool struct {
	size   int
	free   chan []byte
	closed atomic.Bool
	once   sync.Once
}

func New(n, size int) *Pool {
	p := &Pool{size: size, free: make(chan []byte, n)}
	for i := 0; i < n; i++ {
		p.free <- make([]byte, size)
	}
	return p
}

func (p *Pool) Get() []byte {
	if p.closed.Load() {
		panic("bufpool: Get on closed pool")
	}
	return <-p.free
}

func (p *Pool) Put(b []byte) {
	if p.closed.Load() || cap(b) < p.size {
		return
	}
	select {
	case p.free <- b[:p.size]:
	default:
	}
}

func (p *Pool) Close() {
	p.once.Do(func() { p.closed.Store(true) })
}
