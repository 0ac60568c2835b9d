// GOOD: the batch deadline's cancel is deferred in Run, which waits for all workers before returning, and
// every per-job timeout context is cancelled by a defer in process, so no context outlives its work.
package main

import (
	"context"
	"fmt"
	"hash/crc32"
	"sync"
	"time"
)

type Job struct {
	ID      int
	Payload []byte
}

type Result struct {
	JobID    int
	Checksum uint32
	Err      error
}

type Batch struct {
	workers int
	perJob  time.Duration
	maxRun  time.Duration
}

func (b *Batch) Run(parent context.Context, jobs []Job) []Result {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(b.maxRun))
	defer cancel()

	in := make(chan Job)
	out := make(chan Result, len(jobs))
	var wg sync.WaitGroup
	for i := 0; i < b.workers; i++ {
		wg.Add(1)
		go b.worker(ctx, &wg, in, out)
	}
	go func() {
		defer close(in)
		for _, j := range jobs {
			select {
			case in <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	wg.Wait()
	close(out)

	results := make([]Result, 0, len(jobs))
	for r := range out {
		results = append(results, r)
	}
	return results
}

func (b *Batch) worker(ctx context.Context, wg *sync.WaitGroup, in <-chan Job, out chan<- Result) {
	defer wg.Done()
	for j := range in {
		out <- b.process(ctx, j)
	}
}

func (b *Batch) process(parent context.Context, j Job) Result {
	ctx, cancel := context.WithTimeout(parent, b.perJob)
	defer cancel()
	select {
	case <-ctx.Done():
		return Result{JobID: j.ID, Err: ctx.Err()}
	case <-time.After(time.Millisecond):
	}
	return Result{JobID: j.ID, Checksum: crc32.ChecksumIEEE(j.Payload)}
}

func main() {
	b := &Batch{workers: 3, perJob: time.Second, maxRun: 2 * time.Hour}
	var jobs []Job
	for i := 0; i < 8; i++ {
		jobs = append(jobs, Job{ID: i, Payload: []byte(fmt.Sprintf("record-%d", i))})
	}
	for _, r := range b.Run(context.Background(), jobs) {
		fmt.Printf("job %d: %08x %v\n", r.JobID, r.Checksum, r.Err)
	}
}
