package jobs

import (
	"log"
	"sync"
)

type Job struct {
	ID  int
	Run func() error
}

type Runner struct {
	mu     sync.Mutex
	avail  *sync.Cond
	jobs   []*Job
	closed bool
	wg     sync.WaitGroup
}

func NewRunner(n int) *Runner {
	r := &Runner{}
	r.avail = sync.NewCond(&r.mu)
	for i := 0; i < n; i++ {
		r.wg.Add(1)
		go r.work(i)
	}
	return r
}

func (r *Runner) Submit(j *Job) {
	r.mu.Lock()
	r.jobs = append(r.jobs, j)
	r.mu.Unlock()
	r.avail.Broadcast()
}

func (r *Runner) work(id int) {
	defer r.wg.Done()
	for {
		r.mu.Lock()
		if r.closed {
			r.mu.Unlock()
			return
		}
		if len(r.jobs) == 0 {
			r.avail.Wait()
		}
		j := r.jobs[0]
		r.jobs = r.jobs[1:]
		r.mu.Unlock()

		if err := j.Run(); err != nil {
			log.Printf("worker %d: job %d: %v", id, j.ID, err)
		}
	}
}

func (r *Runner) Close() {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.avail.Broadcast()
	r.wg.Wait()
}
