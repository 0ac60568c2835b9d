// Correct: workers lock p.mu to record stats before Done, but Shutdown releases p.mu before calling wg.Wait.
package g2_worker_pool

import (
	"errors"
	"sync"
)

var (
	ErrPoolClosed = errors.New("pool: closed")
	ErrQueueFull  = errors.New("pool: queue full")
)

// Task is a unit of work.
type Task func() error

// Pool runs submitted tasks on a fixed set of workers.
type Pool struct {
	tasks chan Task
	wg    sync.WaitGroup

	mu        sync.Mutex
	closed    bool
	completed int
	errs      []error
}

// NewPool starts n workers with a queue of the given depth.
func NewPool(n, depth int) *Pool {
	p := &Pool{tasks: make(chan Task, depth)}
	p.wg.Add(n)
	for i := 0; i < n; i++ {
		go p.worker()
	}
	return p
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for t := range p.tasks {
		err := t()
		p.record(err)
	}
}

func (p *Pool) record(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.completed++
	if err != nil {
		p.errs = append(p.errs, err)
	}
}

// Submit queues t for a worker; it fails if the queue is full.
func (p *Pool) Submit(t Task) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return ErrPoolClosed
	}
	select {
	case p.tasks <- t:
		return nil
	default:
		return ErrQueueFull
	}
}

// Shutdown stops accepting tasks, waits for the workers and returns the
// number of completed tasks and their joined errors.
func (p *Pool) Shutdown() (int, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return 0, ErrPoolClosed
	}
	p.closed = true
	close(p.tasks)
	p.mu.Unlock()

	p.wg.Wait()

	p.mu.Lock()
	defer p.mu.Unlock()
	return p.completed, errors.Join(p.errs...)
}
