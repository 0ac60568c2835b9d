// GOOD: each poller goroutine sleeps between polls of its own job; the caller joins them by
// receiving one report per job from the channel before building the summary.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

// Job is a remote batch job whose status must be polled.
type Job struct {
	ID     string
	checks atomic.Int32
	needed int32
}

// Done reports whether the job has finished; each call counts as one poll.
func (j *Job) Done() bool {
	return j.checks.Add(1) >= j.needed
}

type report struct {
	id    string
	polls int
	ok    bool
}

// Monitor polls jobs until they finish or exceed maxPolls.
type Monitor struct {
	interval time.Duration
	maxPolls int
}

func (m *Monitor) watch(j *Job, out chan<- report) {
	for i := 1; i <= m.maxPolls; i++ {
		if j.Done() {
			out <- report{id: j.ID, polls: i, ok: true}
			return
		}
		time.Sleep(m.interval)
	}
	out <- report{id: j.ID, polls: m.maxPolls, ok: false}
}

// WaitAll watches every job concurrently and returns a summary per job.
func (m *Monitor) WaitAll(jobs []*Job) map[string]report {
	out := make(chan report)
	for _, j := range jobs {
		go m.watch(j, out)
	}
	summary := make(map[string]report, len(jobs))
	for range jobs {
		r := <-out
		summary[r.id] = r
	}
	return summary
}

func main() {
	jobs := []*Job{
		{ID: "etl-nightly", needed: 3},
		{ID: "reindex", needed: 1},
		{ID: "backfill", needed: 10},
	}
	m := &Monitor{interval: 10 * time.Millisecond, maxPolls: 5}
	summary := m.WaitAll(jobs)
	for _, j := range jobs {
		r := summary[j.ID]
		state := "finished"
		if !r.ok {
			state = "still running"
		}
		fmt.Printf("%-12s %s after %d polls\n", r.id, state, r.polls)
	}
}
