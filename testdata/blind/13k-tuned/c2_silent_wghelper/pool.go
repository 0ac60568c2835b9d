// Package resize runs image-resize jobs on a fixed worker pool.
package resize

import (
	"context"
	"sync"
)

// Job is one resize request.
type Job struct {
	ID     string
	Width  int
	Height int
}

// Result reports the outcome of a job.
type Result struct {
	ID    string
	Bytes int
	Err   error
}

// Pool is a fixed set of resize workers.
type Pool struct {
	jobs    chan Job
	results chan Result
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

// NewPool starts n workers.
func NewPool(n int) *Pool {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Pool{
		jobs:    make(chan Job),
		results: make(chan Result, n),
		cancel:  cancel,
	}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.worker(ctx)
	}
	return p
}

// Submit queues a job, or reports false once the pool is stopping.
func (p *Pool) Submit(ctx context.Context, j Job) bool {
	select {
	case p.jobs <- j:
		return true
	case <-ctx.Done():
		return false
	}
}

// Results is closed after Stop.
func (p *Pool) Results() <-chan Result { return p.results }

func (p *Pool) worker(ctx context.Context) {
	defer p.wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-p.jobs:
			r := Result{ID: j.ID, Bytes: j.Width * j.Height * 4}
			select {
			case p.results <- r:
			case <-ctx.Done():
				return
			}
		}
	}
}

func (p *Pool) waitWorkers() {
	p.wg.Wait()
}

// Stop cancels the workers, waits for them and closes Results.
func (p *Pool) Stop() {
	p.cancel()
	p.waitWorkers()
	close(p.results)
}
