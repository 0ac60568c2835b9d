// SILENT: Run calls pool.Start, which does p.wg.Add(n) synchronously before Run starts `go srv.acceptLoop(ctx)` (which never touches the WaitGroup); the later p.wg.Wait() after the signal is therefore ordered after every Add.
package wg_silent_startsync

import (
	"context"
	"sync"
)

type Pool struct {
	size int
	jobs chan func()
	wg   sync.WaitGroup
}

func NewPool(size int) *Pool {
	return &Pool{size: size, jobs: make(chan func(), size*4)}
}

// Start launches the workers; it returns once they are all accounted for.
func (p *Pool) Start(ctx context.Context) {
	p.wg.Add(p.size)
	for i := 0; i < p.size; i++ {
		go p.worker(ctx)
	}
}

func (p *Pool) worker(ctx context.Context) {
	defer p.wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case job := <-p.jobs:
			job()
		}
	}
}
