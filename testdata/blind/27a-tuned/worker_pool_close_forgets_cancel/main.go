// BAD: the pool's constructor stores the cancel of the workers' context in a field, but Close only closes
// the jobs channel and waits; the cancel is never called, so the context (a child of the caller's) is never released.
package main

import (
	"context"
	"fmt"
	"sync"
)

type Job struct {
	ID   int
	Data string
}

type Result struct {
	JobID int
	Out   string
	Err   error
}

type Pool struct {
	ctx     context.Context
	cancel  context.CancelFunc
	jobs    chan Job
	results chan Result
	wg      sync.WaitGroup
	process func(ctx context.Context, j Job) (string, error)
}

func NewPool(parent context.Context, workers int, process func(context.Context, Job) (string, error)) *Pool {
	ctx, cancel := context.WithCancel(parent) // want "never called"
	p := &Pool{
		ctx:     ctx,
		cancel:  cancel,
		jobs:    make(chan Job),
		results: make(chan Result, workers),
		process: process,
	}
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go p.worker()
	}
	return p
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for {
		select {
		case <-p.ctx.Done():
			return
		case j, ok := <-p.jobs:
			if !ok {
				return
			}
			out, err := p.process(p.ctx, j)
			p.results <- Result{JobID: j.ID, Out: out, Err: err}
		}
	}
}

func (p *Pool) Submit(j Job) { p.jobs <- j }

func (p *Pool) Results() <-chan Result { return p.results }

// Close stops accepting work and waits for the workers to drain.
func (p *Pool) Close() {
	close(p.jobs)
	p.wg.Wait()
	close(p.results)
}

func main() {
	pool := NewPool(context.Background(), 3, func(ctx context.Context, j Job) (string, error) {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		return fmt.Sprintf("processed %q", j.Data), nil
	})

	go func() {
		for i, d := range []string{"alpha", "beta", "gamma", "delta"} {
			pool.Submit(Job{ID: i, Data: d})
		}
		pool.Close()
	}()

	for r := range pool.Results() {
		fmt.Println(r.JobID, r.Out, r.Err)
	}
}
