// Correct: Stop and Close both close w.quit through w.stopOnce, so calling Stop then Close (or either twice) closes it exactly once.
package g3_worker_stop

import (
	"context"
	"sync"
	"time"
)

// Job is a unit of work.
type Job func(ctx context.Context) error

// Worker processes jobs from a queue until stopped.
type Worker struct {
	jobs     chan Job
	quit     chan struct{}
	stopOnce sync.Once
	wg       sync.WaitGroup
	errs     []error
	mu       sync.Mutex
}

// NewWorker starts n goroutines draining a queue of the given size.
func NewWorker(n, queue int) *Worker {
	w := &Worker{
		jobs: make(chan Job, queue),
		quit: make(chan struct{}),
	}
	for i := 0; i < n; i++ {
		w.wg.Add(1)
		go w.run()
	}
	return w
}

func (w *Worker) run() {
	defer w.wg.Done()
	for {
		select {
		case <-w.quit:
			return
		case j := <-w.jobs:
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			if err := j(ctx); err != nil {
				w.mu.Lock()
				w.errs = append(w.errs, err)
				w.mu.Unlock()
			}
			cancel()
		}
	}
}

// Submit enqueues j unless the worker is stopped.
func (w *Worker) Submit(j Job) bool {
	select {
	case <-w.quit:
		return false
	case w.jobs <- j:
		return true
	}
}

// Stop signals the goroutines to exit without waiting for them.
func (w *Worker) Stop() {
	w.stopOnce.Do(func() { close(w.quit) })
}

// Close stops the worker, waits for in-flight jobs and returns their errors.
func (w *Worker) Close() []error {
	w.stopOnce.Do(func() { close(w.quit) })
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.errs
}

// Drain stops intake first, then waits for shutdown.
func Drain(w *Worker) []error {
	w.Stop()
	return w.Close()
}
