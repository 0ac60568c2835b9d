package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type Job struct {
	ID      int
	Payload string
}

type Outcome struct {
	JobID    int
	Err      error
	Duration time.Duration
}

// Runner executes jobs on a fixed set of workers and reports outcomes.
type Runner struct {
	workers int
	jobs    chan Job
	out     chan Outcome
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

func NewRunner(workers int) *Runner {
	return &Runner{
		workers: workers,
		jobs:    make(chan Job),
		out:     make(chan Outcome),
	}
}

func (r *Runner) Start(ctx context.Context) {
	ctx, r.cancel = context.WithCancel(ctx)
	r.wg.Add(r.workers)
	for i := 0; i < r.workers; i++ {
		go r.work(ctx, i)
	}
}

func (r *Runner) work(ctx context.Context, id int) {
	defer r.wg.Done()
	for {
		var j Job
		select {
		case <-ctx.Done():
			return
		case j = <-r.jobs:
		}
		start := time.Now()
		err := execute(j)
		select {
		case r.out <- Outcome{JobID: j.ID, Err: err, Duration: time.Since(start)}:
		case <-ctx.Done():
			return
		}
	}
}

func execute(j Job) error {
	if j.Payload == "" {
		return errors.New("empty payload")
	}
	time.Sleep(time.Millisecond)
	return nil
}

func (r *Runner) Submit(ctx context.Context, j Job) error {
	select {
	case r.jobs <- j:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (r *Runner) Outcomes() <-chan Outcome { return r.out }

// Shutdown stops the workers and closes Outcomes once all of them returned.
func (r *Runner) Shutdown() {
	r.cancel()
	r.wg.Wait()
	close(r.out)
}

func main() {
	r := NewRunner(3)
	r.Start(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		for o := range r.Outcomes() {
			fmt.Println(o.JobID, o.Err)
		}
	}()
	for i := 0; i < 10; i++ {
		_ = r.Submit(context.Background(), Job{ID: i, Payload: fmt.Sprint(i)})
	}
	r.Shutdown()
	<-done
}
