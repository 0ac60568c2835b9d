package workq

import "sync"

type Task func()

type Pool struct {
	mu      sync.Mutex
	notEmpt *sync.Cond
	tasks   []Task
	closing bool
	workers sync.WaitGroup
}

func New(n int) *Pool {
	p := &Pool{}
	p.notEmpt = sync.NewCond(&p.mu)
	for i := 0; i < n; i++ {
		p.workers.Add(1)
		go p.work()
	}
	return p
}

func (p *Pool) next() (Task, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.tasks) == 0 && !p.closing {
		p.notEmpt.Wait()
	}
	if len(p.tasks) == 0 {
		return nil, false
	}
	t := p.tasks[0]
	p.tasks = p.tasks[1:]
	return t, true
}

func (p *Pool) work() {
	defer p.workers.Done()
	for {
		t, ok := p.next()
		if !ok {
			return
		}
		t()
	}
}

func (p *Pool) Submit(t Task) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closing {
		return false
	}
	p.tasks = append(p.tasks, t)
	p.notEmpt.Signal()
	return true
}

func (p *Pool) Close() {
	p.mu.Lock()
	p.closing = true
	p.notEmpt.Broadcast()
	p.mu.Unlock()
	p.workers.Wait()
}
