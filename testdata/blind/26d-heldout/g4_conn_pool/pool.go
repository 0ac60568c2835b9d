// Correct: the pool defers its wait-timeout cancel; the test factory cancels on error and hands the cancel on with the conn on success.
package g4_conn_pool

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"
)

// Factory opens a new pooled resource.
type Factory func(ctx context.Context) (io.Closer, error)

// Pool is a bounded pool of reusable connections.
type Pool struct {
	factory Factory
	wait    time.Duration
	slots   chan struct{}

	mu   sync.Mutex
	idle []io.Closer
}

var ErrExhausted = errors.New("pool: no free slot before wait timeout")

func NewPool(f Factory, size int, wait time.Duration) *Pool {
	return &Pool{factory: f, wait: wait, slots: make(chan struct{}, size)}
}

// Get returns an idle connection or opens a new one when a slot is free.
func (p *Pool) Get(parent context.Context) (io.Closer, error) {
	ctx, cancel := context.WithTimeout(parent, p.wait)
	defer cancel()
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ErrExhausted
	}
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	c, err := p.factory(ctx)
	if err != nil {
		<-p.slots
		return nil, err
	}
	return c, nil
}

// Put returns c to the pool.
func (p *Pool) Put(c io.Closer) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle = append(p.idle, c)
	<-p.slots
}

// Close closes all idle connections.
func (p *Pool) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var err error
	for _, c := range p.idle {
		err = errors.Join(err, c.Close())
	}
	p.idle = nil
	return err
}
