package workers

import (
	"sync"
	"time"
)

type Job func() error

type Pool struct {
	mu     sync.Mutex
	done   int
	failed int
	closed bool

	jobs chan Job
	quit chan struct{}
	wg   sync.WaitGroup
}

func NewPool(n int) *Pool {
	p := &Pool{jobs: make(chan Job, 64), quit: make(chan struct{})}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.worker()
	}
	return p
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for {
		select {
		case <-p.quit:
			return
		case job := <-p.jobs:
			err := job()
			p.record(err)
		}
	}
}

func (p *Pool) record(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		p.failed++
		return
	}
	p.done++
}

func (p *Pool) Submit(j Job) bool {
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return false
	}
	select {
	case p.jobs <- j:
		return true
	case <-time.After(time.Second):
		return false
	}
}

func (p *Pool) Shutdown() (done, failed int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return p.done, p.failed
	}
	p.closed = true
	close(p.quit)
	p.wg.Wait()
	return p.done, p.failed
}
