// Package b2_worker_pool_run runs image-resize jobs on a fixed set of workers.
package b2_worker_pool_run

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// Job is one unit of work.
type Job struct {
	ID     int
	Width  int
	Height int
}

// Result is the outcome of a Job.
type Result struct {
	JobID int
	Bytes int
	Err   error
}

// Pool owns a queue and a number of workers draining it.
type Pool struct {
	size    int
	jobs    chan Job
	results chan Result
	wg      sync.WaitGroup
}

// NewPool creates a pool with the given number of workers and queue depth.
func NewPool(size, queue int) *Pool {
	return &Pool{
		size:    size,
		jobs:    make(chan Job, queue),
		results: make(chan Result, queue),
	}
}

// Run starts the workers and blocks until ctx is cancelled.
func (p *Pool) Run(ctx context.Context) {
	for i := 0; i < p.size; i++ {
		p.wg.Add(1) // BAD: Run is started with go; the caller's p.wg.Wait can run before this Add
		go p.worker(ctx, i)
	}
	<-ctx.Done()
}

func (p *Pool) worker(ctx context.Context, id int) {
	defer p.wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-p.jobs:
			select {
			case p.results <- resize(j):
			case <-ctx.Done():
				return
			}
		}
	}
}

func resize(j Job) Result {
	if j.Width <= 0 || j.Height <= 0 {
		return Result{JobID: j.ID, Err: fmt.Errorf("job %d: bad size %dx%d", j.ID, j.Width, j.Height)}
	}
	return Result{JobID: j.ID, Bytes: j.Width * j.Height * 4}
}

var errQueueFull = errors.New("pool: queue full")

// Submit enqueues a job without blocking.
func (p *Pool) Submit(j Job) error {
	select {
	case p.jobs <- j:
		return nil
	default:
		return errQueueFull
	}
}

// ResizeAll queues all jobs on a fresh pool; on the first rejected job it
// cancels the pool, waits for the workers and reports the error.
func ResizeAll(jobs []Job, workers int) error {
	ctx, cancel := context.WithCancel(context.Background())
	p := NewPool(workers, len(jobs)/2)
	go p.Run(ctx)

	for _, j := range jobs {
		if err := p.Submit(j); err != nil {
			cancel()
			p.wg.Wait()
			return err
		}
	}
	cancel()
	p.wg.Wait()
	return nil
}
