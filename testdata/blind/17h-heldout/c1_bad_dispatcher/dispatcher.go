package dispatcher

import (
	"context"
	"sync"
	"time"
)

type Job struct {
	Queue string
	ID    int
}

// Source is a remote queue the dispatcher polls.
type Source interface {
	Name() string
	Poll(ctx context.Context) ([]Job, error)
}

// Dispatcher polls every source in its own goroutine and fans the jobs
// into a single channel consumed by Jobs().
type Dispatcher struct {
	jobs    chan Job
	cancel  context.CancelFunc
	pollers sync.WaitGroup
	every   time.Duration
}

func New(every time.Duration) *Dispatcher {
	return &Dispatcher{jobs: make(chan Job, 128), every: every}
}

func (d *Dispatcher) Jobs() <-chan Job { return d.jobs }

func (d *Dispatcher) Start(ctx context.Context, sources []Source) {
	ctx, d.cancel = context.WithCancel(ctx)
	for _, src := range sources {
		d.pollers.Add(1)
		go d.poll(ctx, src)
	}
}

func (d *Dispatcher) poll(ctx context.Context, src Source) {
	defer d.pollers.Done()
	t := time.NewTicker(d.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		batch, err := src.Poll(ctx)
		if err != nil {
			continue
		}
		for _, j := range batch {
			d.jobs <- j
		}
	}
}

// Shutdown stops polling and releases the job channel so consumers ranging
// over Jobs() terminate.
func (d *Dispatcher) Shutdown() {
	if d.cancel != nil {
		d.cancel()
	}
	close(d.jobs)
	d.pollers.Wait()
}
