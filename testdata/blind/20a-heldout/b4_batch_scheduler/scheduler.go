package b4_batch_scheduler

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrStopped is returned by Run while the scheduler is stopped.
var ErrStopped = errors.New("scheduler stopped")

// Job is a unit of batch work.
type Job func(ctx context.Context) error

// Scheduler runs batch jobs in the background. It can be stopped during a
// maintenance window and restarted afterwards by the admin API.
type Scheduler struct {
	mu      sync.Mutex
	stopped bool
	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup

	errMu sync.Mutex
	errs  []error
}

// New returns a running scheduler.
func New() *Scheduler {
	s := &Scheduler{}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	return s
}

// Run starts job in the background. It is called from HTTP handlers and
// timers, i.e. from arbitrary goroutines.
func (s *Scheduler) Run(name string, job Job) error {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return ErrStopped
	}
	ctx := s.ctx
	s.wg.Add(1) // BAD: Restart clears stopped, so this Add can race a Stop that is already in Wait
	s.mu.Unlock()

	go func() {
		defer s.wg.Done()
		start := time.Now()
		if err := job(ctx); err != nil {
			s.record(errors.New(name + ": " + err.Error() + " after " + time.Since(start).String()))
		}
	}()
	return nil
}

func (s *Scheduler) record(err error) {
	s.errMu.Lock()
	s.errs = append(s.errs, err)
	s.errMu.Unlock()
}

// Stop cancels running jobs and waits for them to return.
func (s *Scheduler) Stop() {
	s.mu.Lock()
	s.stopped = true
	s.cancel()
	s.mu.Unlock()

	s.wg.Wait()
}

// Restart re-enables the scheduler after Stop.
func (s *Scheduler) Restart() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.stopped {
		return
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.stopped = false
}

// Errors returns the errors reported by finished jobs.
func (s *Scheduler) Errors() []error {
	s.errMu.Lock()
	defer s.errMu.Unlock()
	return append([]error(nil), s.errs...)
}
