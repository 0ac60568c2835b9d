// Correct: the job goroutine stores j.result, then reg.notify sends on each waiter channel from inside the forEach callback; Run receives from its waiter before reading j.result.
package g2_job_registry

import (
	"fmt"
	"sync"
)

// Job is a unit of work with a result filled in by its worker.
type Job struct {
	ID     string
	Input  []int
	result int
	err    error
}

// Registry lets callers wait for named jobs to finish.
type Registry struct {
	mu      sync.Mutex
	waiters map[string][]chan struct{}
}

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry {
	return &Registry{waiters: make(map[string][]chan struct{})}
}

// Subscribe returns a channel that receives once job id finishes.
func (r *Registry) Subscribe(id string) <-chan struct{} {
	ch := make(chan struct{}, 1)
	r.mu.Lock()
	r.waiters[id] = append(r.waiters[id], ch)
	r.mu.Unlock()
	return ch
}

// forEach calls fn for every waiter of id and forgets them.
func (r *Registry) forEach(id string, fn func(ch chan struct{})) {
	r.mu.Lock()
	ws := r.waiters[id]
	delete(r.waiters, id)
	r.mu.Unlock()
	for _, ch := range ws {
		fn(ch)
	}
}

// notify wakes every waiter of id.
func (r *Registry) notify(id string) {
	r.forEach(id, func(ch chan struct{}) {
		ch <- struct{}{}
	})
}

func sum(xs []int) (int, error) {
	total := 0
	for _, x := range xs {
		if x < 0 {
			return 0, fmt.Errorf("negative input %d", x)
		}
		total += x
	}
	return total, nil
}

// Run executes j on a worker goroutine and returns its result.
func (r *Registry) Run(j *Job) (int, error) {
	done := r.Subscribe(j.ID)
	go func() {
		j.result, j.err = sum(j.Input)
		r.notify(j.ID)
	}()
	<-done
	if j.err != nil {
		return 0, fmt.Errorf("job %s: %w", j.ID, j.err)
	}
	return j.result, nil
}
