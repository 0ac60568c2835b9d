// GOOD: Split makes one output channel per branch and closes each exactly once after the input is drained; Merge closes its single output after all forwarders finish.
package g3_fanout_pipeline

import (
	"context"
	"sync"
)

// Job is a unit of work flowing through the pipeline.
type Job struct {
	ID   int
	Data string
}

// Split distributes jobs from in round-robin over n output channels.
func Split(ctx context.Context, in <-chan Job, n int) []<-chan Job {
	outs := make([]chan Job, n)
	for i := range outs {
		outs[i] = make(chan Job)
	}
	go func() {
		defer func() {
			for _, o := range outs {
				close(o)
			}
		}()
		i := 0
		for j := range in {
			select {
			case outs[i%n] <- j:
			case <-ctx.Done():
				return
			}
			i++
		}
	}()
	ro := make([]<-chan Job, n)
	for i, o := range outs {
		ro[i] = o
	}
	return ro
}

// Process applies fn to each job from in on its own goroutine and returns
// the results channel, which it closes when in is exhausted.
func Process(ctx context.Context, in <-chan Job, fn func(Job) Job) <-chan Job {
	out := make(chan Job)
	go func() {
		defer close(out)
		for j := range in {
			select {
			case out <- fn(j):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Merge forwards all inputs to a single channel.
func Merge(ctx context.Context, ins ...<-chan Job) <-chan Job {
	out := make(chan Job)
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Add(1)
		go func(in <-chan Job) {
			defer wg.Done()
			for j := range in {
				select {
				case out <- j:
				case <-ctx.Done():
					return
				}
			}
		}(in)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// Run pushes jobs through n parallel workers and returns the results.
func Run(ctx context.Context, jobs []Job, n int, fn func(Job) Job) []Job {
	src := make(chan Job)
	go func() {
		defer close(src)
		for _, j := range jobs {
			select {
			case src <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	branches := Split(ctx, src, n)
	stages := make([]<-chan Job, 0, n)
	for _, b := range branches {
		stages = append(stages, Process(ctx, b, fn))
	}
	var res []Job
	for j := range Merge(ctx, stages...) {
		res = append(res, j)
	}
	return res
}
