// Correct: process sends at most one Result per job, and callers size the channel with len(jobs) before calling it synchronously.
package g3_job_results

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Job is a unit of work identified by name.
type Job struct {
	Name string
	Run  func(ctx context.Context) error
}

// Result records how one job finished.
type Result struct {
	Name    string
	Err     error
	Elapsed time.Duration
}

// Runner executes jobs one after another with a per-job timeout.
type Runner struct {
	timeout time.Duration
	stopped bool
}

func NewRunner(timeout time.Duration) *Runner {
	return &Runner{timeout: timeout}
}

// process runs each job and reports exactly one Result per job on results.
func (r *Runner) process(ctx context.Context, jobs []Job, results chan<- Result) {
	for _, j := range jobs {
		if r.stopped {
			results <- Result{Name: j.Name, Err: errors.New("runner stopped")}
			continue
		}
		jctx, cancel := context.WithTimeout(ctx, r.timeout)
		start := time.Now()
		err := j.Run(jctx)
		cancel()
		if err != nil {
			err = fmt.Errorf("job %s: %w", j.Name, err)
		}
		results <- Result{Name: j.Name, Err: err, Elapsed: time.Since(start)}
	}
}

// RunAll runs jobs and returns their results in order.
func (r *Runner) RunAll(ctx context.Context, jobs []Job) []Result {
	results := make(chan Result, len(jobs))
	r.process(ctx, jobs, results)
	close(results)

	out := make([]Result, 0, len(jobs))
	for res := range results {
		out = append(out, res)
	}
	return out
}

// Stop makes every later job fail immediately.
func (r *Runner) Stop() { r.stopped = true }
