// GOOD: Close closes only done, which workers receive from and nobody sends on; the job and reply channels workers send on are never closed.
package g4_pool_done_broadcast

import (
	"context"
	"errors"
	"sync"
)

// Task is a unit of work executed by the pool.
type Task func(ctx context.Context) error

type job struct {
	task  Task
	reply chan error
}

// Pool runs tasks on a fixed number of workers.
type Pool struct {
	jobs chan job
	done chan struct{}
	once sync.Once
	wg   sync.WaitGroup
}

var ErrClosed = errors.New("pool closed")

// NewPool starts n workers.
func NewPool(n int) *Pool {
	p := &Pool{
		jobs: make(chan job),
		done: make(chan struct{}),
	}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.worker()
	}
	return p
}

func (p *Pool) worker() {
	defer p.wg.Done()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-p.done
		cancel()
	}()
	for {
		select {
		case <-p.done:
			return
		case j := <-p.jobs:
			j.reply <- j.task(ctx)
		}
	}
}

// Do submits t and waits for a worker to report its result.
func (p *Pool) Do(t Task) error {
	j := job{task: t, reply: make(chan error, 1)}
	select {
	case p.jobs <- j:
	case <-p.done:
		return ErrClosed
	}
	select {
	case err := <-j.reply:
		return err
	case <-p.done:
		return ErrClosed
	}
}

// Done is closed when the pool is shut down.
func (p *Pool) Done() <-chan struct{} { return p.done }

// Close signals all workers to exit and waits for them.
func (p *Pool) Close() {
	p.once.Do(func() { close(p.done) })
	p.wg.Wait()
}
