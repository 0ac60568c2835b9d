package connpool

import (
	"context"
	"fmt"
	"sync/atomic"
)

type Conn struct {
	ID    int
	Calls int
}

func (c *Conn) Exec(q string) (string, error) {
	c.Calls++
	return fmt.Sprintf("conn%d:%s", c.ID, q), nil
}

// Pool hands out a fixed set of connections.
type Pool struct {
	slots chan *Conn
	seq   atomic.Int64
}

func NewPool(size int) *Pool {
	p := &Pool{slots: make(chan *Conn, size)}
	for i := 0; i < size; i++ {
		p.slots <- &Conn{ID: int(p.seq.Add(1))}
	}
	return p
}

func (p *Pool) Acquire(ctx context.Context) (*Conn, error) {
	select {
	case c := <-p.slots:
		return c, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (p *Pool) Release(c *Conn) {
	p.slots <- c
}
