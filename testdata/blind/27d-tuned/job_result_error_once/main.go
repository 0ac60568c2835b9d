// GOOD: a job moves to stateDone exactly once (finish panics on a second call) and never
// leaves it; the only Broadcast follows that transition under the lock, so Wait under `if` is safe.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type jobState int

const (
	statePending jobState = iota
	stateRunning
	stateDone
)

type Job struct {
	ID     string
	mu     sync.Mutex
	cond   *sync.Cond
	state  jobState
	result []byte
	err    error
}

func newJob(id string) *Job {
	j := &Job{ID: id}
	j.cond = sync.NewCond(&j.mu)
	return j
}

func (j *Job) markRunning() {
	j.mu.Lock()
	j.state = stateRunning
	j.mu.Unlock()
}

func (j *Job) finish(result []byte, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.state == stateDone {
		panic("job " + j.ID + " finished twice")
	}
	j.state = stateDone
	j.result, j.err = result, err
	j.cond.Broadcast()
}

// Wait blocks until the job has finished and returns its outcome.
func (j *Job) Wait() ([]byte, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.state != stateDone {
		j.cond.Wait()
	}
	return j.result, j.err
}

type Runner struct {
	mu   sync.Mutex
	jobs map[string]*Job
}

func NewRunner() *Runner { return &Runner{jobs: make(map[string]*Job)} }

func (r *Runner) Submit(id string, fn func() ([]byte, error)) *Job {
	j := newJob(id)
	r.mu.Lock()
	r.jobs[id] = j
	r.mu.Unlock()
	go func() {
		j.markRunning()
		out, err := fn()
		j.finish(out, err)
	}()
	return j
}

func (r *Runner) Lookup(id string) *Job {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.jobs[id]
}

func main() {
	r := NewRunner()
	r.Submit("thumb-1", func() ([]byte, error) { return []byte("PNG..."), nil })
	r.Submit("thumb-2", func() ([]byte, error) { return nil, errors.New("unsupported format") })

	var wg sync.WaitGroup
	for _, id := range []string{"thumb-1", "thumb-2", "thumb-1"} {
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			out, err := r.Lookup(id).Wait()
			fmt.Printf("%s: %d bytes, err=%v\n", id, len(out), err)
		}(id)
	}
	wg.Wait()
}
