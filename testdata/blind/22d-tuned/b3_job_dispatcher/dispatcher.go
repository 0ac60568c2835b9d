package b3_job_dispatcher

import (
	"context"
	"errors"
	"hash/crc32"
	"sync"
)

// Result is the outcome of one submitted job.
type Result struct {
	ID       string
	Checksum uint32
	Err      error
}

// closer bundles the shutdown state shared by several components.
type closer struct {
	once sync.Once
	done chan struct{}
}

func newCloser() closer { return closer{done: make(chan struct{})} }

// Dispatcher runs each submitted job in its own goroutine and reports on Results().
type Dispatcher struct {
	closer
	ctx     context.Context
	results chan Result
}

// New creates a dispatcher bound to ctx.
func New(ctx context.Context) *Dispatcher {
	return &Dispatcher{
		closer:  newCloser(),
		ctx:     ctx,
		results: make(chan Result, 32),
	}
}

// Results delivers job outcomes until the dispatcher is stopped.
func (d *Dispatcher) Results() <-chan Result { return d.results }

var ErrStopped = errors.New("dispatcher stopped")

// Submit starts processing payload asynchronously.
func (d *Dispatcher) Submit(id string, payload []byte) error {
	select {
	case <-d.done:
		return ErrStopped
	default:
	}
	go func() {
		res := Result{ID: id}
		if err := d.ctx.Err(); err != nil {
			res.Err = err
		} else {
			res.Checksum = crc32.ChecksumIEEE(payload)
		}
		d.results <- res
	}()
	return nil
}

// Stop rejects further submissions and closes Results.
func (d *Dispatcher) Stop() {
	d.once.Do(func() {
		close(d.done)
		close(d.results) // BAD: goroutines started by Submit may still send on results; Stop never waits for them
	})
}
