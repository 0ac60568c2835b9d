// Package gorun: a pool whose Run, started with go, adds for its // want package:"analyzed, dependencies too"
// workers while the starter submits jobs and then waits.
package gorun

import (
	"context"
	"sync"
)

type Pool struct {
	size int
	jobs chan int
	kick chan struct{}
	wg   sync.WaitGroup
}

func (p *Pool) worker(ctx context.Context) {
	defer p.wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case <-p.jobs:
		}
	}
}

// Run adds for its workers, then waits for the end of ctx: the
// starter's sends on the buffered queue do not wait for Run.
func (p *Pool) Run(ctx context.Context) { // want Run:`waitgroupadd\(add:p0/3 carry:p0/3 carry:p1 flags=0\)`
	for i := 0; i < p.size; i++ {
		p.wg.Add(1) // want `sync.WaitGroup.Add called in a new goroutine, racing with a later Wait`
		go p.worker(ctx)
	}
	<-ctx.Done()
}

func RunAll(jobs []int) {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Pool{size: 4, jobs: make(chan int, len(jobs))}
	go p.Run(ctx)
	for _, j := range jobs {
		p.jobs <- j
	}
	cancel()
	p.wg.Wait()
}

// RunKicked adds for its workers and then takes the starter's kick:
// the unbuffered send completes only after that receive, so the Adds
// come before the starter's Wait.
func (p *Pool) RunKicked(ctx context.Context) { // want RunKicked:`waitgroupadd\(add:p0/3 carry:p0/3 carry:p1 flags=0\)`
	for i := 0; i < p.size; i++ {
		p.wg.Add(1)
		go p.worker(ctx)
	}
	<-p.kick
	<-ctx.Done()
}

func RunAllKicked(jobs []int) {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Pool{size: 4, jobs: make(chan int, len(jobs)), kick: make(chan struct{})}
	go p.RunKicked(ctx)
	p.kick <- struct{}{}
	for _, j := range jobs {
		p.jobs <- j
	}
	cancel()
	p.wg.Wait()
}
