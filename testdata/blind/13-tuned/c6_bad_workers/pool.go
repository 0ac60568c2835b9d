// Class 6, BAD: Start runs n workers that all wait on q.cond; Submit signals one, but another worker can take the lock first and pop the job, so the woken worker resumes with q.jobs empty and q.jobs[0] panics.
package c6_bad_workers

import "sync"

type Job func()

type Pool struct {
	mu   sync.Mutex
	cond *sync.Cond
	jobs []Job
}

func NewPool() *Pool {
	p := &Pool{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

func (p *Pool) Start(n int) {
	for i := 0; i < n; i++ {
		go p.worker()
	}
}

func (p *Pool) Submit(j Job) {
	p.mu.Lock()
	p.jobs = append(p.jobs, j)
	p.mu.Unlock()
	p.cond.Signal()
}

func (p *Pool) worker() {
	for {
		p.mu.Lock()
		if len(p.jobs) == 0 {
			p.cond.Wait() // WANT condwait
		}
		j := p.jobs[0]
		p.jobs = p.jobs[1:]
		p.mu.Unlock()
		j()
	}
}
