// Package b4_cron_runner runs registered jobs at a fixed period and persists
// the last-run table on shutdown.
package b4_cron_runner

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"sync"
	"time"
)

// Job is a named periodic task.
type Job struct {
	Name string
	Fn   func(context.Context) error
}

// Runner executes jobs every period.
type Runner struct {
	period time.Duration
	jobs   []Job
	out    io.Writer

	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	lastRun map[string]time.Time
}

// StartRunner builds a runner and launches its loop in the background.
func StartRunner(parent context.Context, period time.Duration, out io.Writer, jobs ...Job) *Runner {
	ctx, cancel := context.WithCancel(parent)
	r := &Runner{
		period:  period,
		jobs:    jobs,
		out:     out,
		cancel:  cancel,
		lastRun: make(map[string]time.Time),
	}
	go r.Run(ctx)
	return r
}

// Run is the scheduling loop; it registers itself with the runner's WaitGroup.
func (r *Runner) Run(ctx context.Context) {
	r.wg.Add(1) // BAD: Run is started with go by StartRunner; Stop's Wait can return before this Add
	defer r.wg.Done()

	t := time.NewTicker(r.period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			r.tick(ctx)
		}
	}
}

func (r *Runner) tick(ctx context.Context) {
	for _, j := range r.jobs {
		if err := j.Fn(ctx); err != nil {
			log.Printf("cron: %s: %v", j.Name, err)
			continue
		}
		r.mu.Lock()
		r.lastRun[j.Name] = time.Now()
		r.mu.Unlock()
	}
}

// Stop cancels the loop, waits for the in-flight tick and writes the
// last-run table so the next process can resume.
func (r *Runner) Stop() error {
	r.cancel()
	r.wg.Wait()
	r.mu.Lock()
	defer r.mu.Unlock()
	return json.NewEncoder(r.out).Encode(r.lastRun)
}
