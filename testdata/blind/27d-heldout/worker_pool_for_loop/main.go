// GOOD: workers wait in a `for` loop that re-checks both the queue and the closed flag,
// so a Broadcast from Submit or Close that finds the queue drained just sends them back to Wait.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Task func() string

type Pool struct {
	mu     sync.Mutex
	cond   *sync.Cond
	tasks  []Task
	closed bool
	wg     sync.WaitGroup
	out    []string
}

func NewPool(workers int) *Pool {
	p := &Pool{}
	p.cond = sync.NewCond(&p.mu)
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go p.worker()
	}
	return p
}

func (p *Pool) Submit(t Task) {
	p.mu.Lock()
	p.tasks = append(p.tasks, t)
	p.mu.Unlock()
	p.cond.Broadcast()
}

// next returns the next task, or false once the pool is closed and drained.
func (p *Pool) next() (Task, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.tasks) == 0 {
		if p.closed {
			return nil, false
		}
		p.cond.Wait()
	}
	t := p.tasks[0]
	p.tasks = p.tasks[1:]
	return t, true
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for {
		t, ok := p.next()
		if !ok {
			return
		}
		res := t()
		p.mu.Lock()
		p.out = append(p.out, res)
		p.mu.Unlock()
	}
}

// Close stops accepting work and waits for queued tasks to finish.
func (p *Pool) Close() []string {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.cond.Broadcast()
	p.wg.Wait()
	return p.out
}

func main() {
	pool := NewPool(4)
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"}
	for _, w := range words {
		w := w
		pool.Submit(func() string { return strings.ToUpper(w) })
	}
	results := pool.Close()
	fmt.Println(len(results), "results")
}
