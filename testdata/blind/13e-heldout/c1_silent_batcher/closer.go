package batcher

import (
	"context"
	"sync"
)

type closer struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newCloser() *closer {
	ctx, cancel := context.WithCancel(context.Background())
	return &closer{ctx: ctx, cancel: cancel}
}

func (c *closer) Go(fn func(ctx context.Context)) {
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		fn(c.ctx)
	}()
}

func (c *closer) Signal() { c.cancel() }

func (c *closer) Wait() { c.wg.Wait() }
