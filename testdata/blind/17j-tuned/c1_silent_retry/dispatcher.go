// Package jobs runs submitted jobs on a worker pool and retries failed
// jobs a limited number of times.
package jobs

import (
	"context"
	"sync"
	"time"
)

// Job is a unit of work.
type Job struct {
	ID      string
	Attempt int
	Run     func(context.Context) error
}

// Result reports the final outcome of a job.
type Result struct {
	ID  string
	Err error
}

// Dispatcher feeds jobs and retries to a fixed pool of workers.
type Dispatcher struct {
	jobs    chan Job
	retries chan Job
	work    chan Job
	results chan Result

	pending    sync.WaitGroup
	maxAttempt int
	backoff    time.Duration
}

func NewDispatcher(workers, maxAttempt int) *Dispatcher {
	d := &Dispatcher{
		jobs:       make(chan Job),
		retries:    make(chan Job),
		work:       make(chan Job, workers),
		results:    make(chan Result, 128),
		maxAttempt: maxAttempt,
		backoff:    50 * time.Millisecond,
	}
	go d.loop()
	for i := 0; i < workers; i++ {
		go d.worker()
	}
	return d
}

// Enqueue submits a job for execution.
func (d *Dispatcher) Enqueue(j Job) {
	d.pending.Add(1)
	d.jobs <- j
}

func (d *Dispatcher) Results() <-chan Result { return d.results }

func (d *Dispatcher) loop() {
	jobs, retries := d.jobs, d.retries
	for jobs != nil || retries != nil {
		select {
		case j, ok := <-jobs:
			if !ok {
				jobs = nil
				continue
			}
			d.work <- j
		case j, ok := <-retries:
			if !ok {
				retries = nil
				continue
			}
			d.work <- j
		}
	}
	close(d.work)
}

// requeue hands a failed job back to the loop after a backoff. The job
// is still pending until its final result is reported.
func (d *Dispatcher) requeue(j Job) {
	time.Sleep(d.backoff * time.Duration(j.Attempt))
	d.retries <- j
}

func (d *Dispatcher) worker() {
	for j := range d.work {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := j.Run(ctx)
		cancel()
		if err != nil && j.Attempt+1 < d.maxAttempt {
			j.Attempt++
			go d.requeue(j)
			continue
		}
		d.results <- Result{ID: j.ID, Err: err}
		d.pending.Done()
	}
}

// Shutdown waits for every submitted job to finish and stops the pool.
func (d *Dispatcher) Shutdown() {
	d.pending.Wait()
	close(d.retries)
	close(d.jobs)
	close(d.results)
}
