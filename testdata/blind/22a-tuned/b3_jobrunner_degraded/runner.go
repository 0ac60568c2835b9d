package b3_jobrunner_degraded

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

type runnerState int

const (
	stateRunning runnerState = iota
	stateDegraded
	stateStopped
)

var ErrStopped = errors.New("runner: stopped")

type Job func(ctx context.Context) error

// Runner executes jobs on a fixed set of workers and refuses new work
// while the last job failed.
type Runner struct {
	jobs   chan Job
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	state   runnerState
	failure error // last job error; rewritten on every failure
}

func NewRunner(workers int) *Runner {
	ctx, cancel := context.WithCancel(context.Background())
	r := &Runner{jobs: make(chan Job, 64), ctx: ctx, cancel: cancel}
	for i := 0; i < workers; i++ {
		r.wg.Add(1)
		go r.worker()
	}
	return r
}

func (r *Runner) worker() {
	defer r.wg.Done()
	for job := range r.jobs {
		err := job(r.ctx)
		r.record(err)
	}
}

func (r *Runner) record(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.state == stateStopped {
		return
	}
	if err != nil {
		r.state = stateDegraded
		r.failure = err
	}
}

// Recover lets an operator put a degraded runner back into service.
func (r *Runner) Recover() {
	r.mu.Lock()
	if r.state == stateDegraded {
		r.state = stateRunning
	}
	r.mu.Unlock()
}

func (r *Runner) Submit(j Job) error {
	r.mu.Lock()
	st := r.state
	if st == stateRunning {
		defer r.mu.Unlock()
		return r.enqueueLocked(j)
	}
	r.mu.Unlock()
	if st == stateStopped {
		return ErrStopped
	}
	return fmt.Errorf("runner degraded: %w", r.failure) // BAD: degraded is not terminal; workers keep rewriting failure under r.mu
}

func (r *Runner) enqueueLocked(j Job) error {
	select {
	case r.jobs <- j:
		return nil
	default:
		return errors.New("runner: queue full")
	}
}

// LastFailure is safe: it reads failure under the lock.
func (r *Runner) LastFailure() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failure
}

func (r *Runner) Stop() {
	r.mu.Lock()
	if r.state == stateStopped {
		r.mu.Unlock()
		return
	}
	r.state = stateStopped
	close(r.jobs)
	r.mu.Unlock()
	r.cancel()
	r.wg.Wait()
}
