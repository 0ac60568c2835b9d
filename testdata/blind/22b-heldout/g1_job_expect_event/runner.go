// Correct: each Submit goroutine sends its one Result; the test's helper receives it or calls t.Fatalf before the close.
package g1_job_expect_event

import (
	"fmt"
	"sync/atomic"
	"time"
)

// Job is a unit of work identified by ID.
type Job struct {
	ID  string
	Run func() error
}

// Result reports the outcome of one job.
type Result struct {
	JobID    string
	Err      error
	Duration time.Duration
}

// Runner executes jobs asynchronously.
type Runner struct {
	started  atomic.Int64
	finished atomic.Int64
}

// NewRunner returns an idle runner.
func NewRunner() *Runner { return &Runner{} }

// Submit runs job in the background and reports exactly one Result on done.
func (r *Runner) Submit(job Job, done chan<- Result) {
	r.started.Add(1)
	go func() {
		start := time.Now()
		err := safeRun(job.Run)
		r.finished.Add(1)
		done <- Result{JobID: job.ID, Err: err, Duration: time.Since(start)}
	}()
}

// InFlight reports how many jobs have started but not finished.
func (r *Runner) InFlight() int64 {
	return r.started.Load() - r.finished.Load()
}

func safeRun(fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("job panicked: %v", p)
		}
	}()
	if fn == nil {
		return fmt.Errorf("job has no Run func")
	}
	return fn()
}
