// Package pool is the guide's §8.1 worker pool, bugs included.
package pool

import (
	"context"
	"sync"
)

// Pool runs submitted tasks on a fixed number of workers.
type Pool struct {
	tasks   chan func()
	wg      sync.WaitGroup
	started sync.WaitGroup
}

// New starts n workers that stop when ctx is done.
func New(ctx context.Context, n int) *Pool {
	p := &Pool{tasks: make(chan func(), 100)}
	for i := 0; i < n; i++ {
		go p.worker()
	}
	go func() {
		<-ctx.Done()
		close(p.tasks) // finding: sendafterclose
	}()
	return p
}

func (p *Pool) worker() {
	p.wg.Add(1) // finding: waitgroupadd
	defer p.wg.Done()
	for task := range p.tasks {
		task()
	}
}

// Submit queues a task.
func (p *Pool) Submit(task func()) {
	p.tasks <- task
}

// Wait waits for the workers to stop.
func (p *Pool) Wait() { p.wg.Wait() }

// Each runs fn on every item concurrently and waits for all of them.
func Each(items []int, fn func(int)) {
	var wg sync.WaitGroup
	for _, it := range items {
		go func() {
			wg.Add(1) // finding: waitgroupadd
			defer wg.Done()
			fn(it)
		}()
	}
	wg.Wait()
}
