package b3_job_dispatcher

import (
	"context"
	"errors"
	"sync"
)

// Job is a unit of work handled by a Dispatcher.
type Job struct {
	ID   int
	Data []byte
}

// Handler processes one job.
type Handler func(ctx context.Context, j Job) error

// Dispatcher fans incoming jobs out to one goroutine per job.
type Dispatcher struct {
	sync.WaitGroup // tracks in-flight jobs

	jobs    chan Job
	handler Handler
	ctx     context.Context
	cancel  context.CancelFunc

	errMu sync.Mutex
	errs  []error
}

var ErrClosed = errors.New("dispatcher closed")

// Open creates a dispatcher and starts its dispatch loop.
func Open(h Handler, backlog int) *Dispatcher {
	ctx, cancel := context.WithCancel(context.Background())
	d := &Dispatcher{
		jobs:    make(chan Job, backlog),
		handler: h,
		ctx:     ctx,
		cancel:  cancel,
	}
	go d.dispatch()
	return d
}

// Submit queues a job.
func (d *Dispatcher) Submit(j Job) error {
	select {
	case <-d.ctx.Done():
		return ErrClosed
	case d.jobs <- j:
		return nil
	}
}

func (d *Dispatcher) dispatch() {
	for {
		select {
		case <-d.ctx.Done():
			return
		case j := <-d.jobs:
			d.spawn(j)
		}
	}
}

func (d *Dispatcher) spawn(j Job) {
	d.Add(1) // BAD: Add on the embedded WaitGroup from the dispatch goroutine; Close's Wait is not ordered after it
	go func() {
		defer d.Done()
		if err := d.handler(d.ctx, j); err != nil {
			d.errMu.Lock()
			d.errs = append(d.errs, err)
			d.errMu.Unlock()
		}
	}()
}

func (d *Dispatcher) waitIdle() { d.Wait() }

// Close cancels outstanding work and waits for running jobs.
func (d *Dispatcher) Close() error {
	d.cancel()
	d.waitIdle()
	d.errMu.Lock()
	defer d.errMu.Unlock()
	return errors.Join(d.errs...)
}
