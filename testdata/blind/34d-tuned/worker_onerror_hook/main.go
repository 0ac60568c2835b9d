// BAD: TestPoolReportsJobError installs an OnError hook that sends on an unbuffered
// channel and submits a failing job, but the test never receives from that channel.

// Package jobpool runs submitted jobs on a fixed set of worker goroutines.
package jobpool

import (
	"errors"
	"sync"
	"sync/atomic"
)

// ErrClosed is returned by Submit after Close has been called.
var ErrClosed = errors.New("jobpool: pool is closed")

// Job is a unit of work executed by the pool.
type Job func() error

// Options configures a Pool.
type Options struct {
	Workers int
	// OnError, if set, is called from the worker goroutine for every job
	// that returns a non-nil error.
	OnError func(err error)
}

// Pool executes jobs concurrently.
type Pool struct {
	opts      Options
	jobs      chan Job
	wg        sync.WaitGroup
	mu        sync.Mutex
	closed    bool
	completed atomic.Int64
}

// NewPool starts opts.Workers workers (at least one).
func NewPool(opts Options) *Pool {
	if opts.Workers < 1 {
		opts.Workers = 1
	}
	p := &Pool{opts: opts, jobs: make(chan Job, 16)}
	p.wg.Add(opts.Workers)
	for i := 0; i < opts.Workers; i++ {
		go p.worker()
	}
	return p
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for job := range p.jobs {
		if err := job(); err != nil && p.opts.OnError != nil {
			p.opts.OnError(err)
		}
		p.completed.Add(1)
	}
}

// Submit queues a job for execution.
func (p *Pool) Submit(j Job) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return ErrClosed
	}
	p.jobs <- j
	return nil
}

// Close stops accepting jobs and waits for queued jobs to finish.
func (p *Pool) Close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.jobs)
	}
	p.mu.Unlock()
	p.wg.Wait()
}

// Completed reports how many jobs have finished.
func (p *Pool) Completed() int64 { return p.completed.Load() }
