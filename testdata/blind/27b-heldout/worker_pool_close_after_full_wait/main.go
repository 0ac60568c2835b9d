// GOOD: Close closes the stop channel that every goroutine the pool starts
// (workers and the stats ticker) listens to, waits on the WaitGroup each of them
// was added to before its go statement, and only then clears the fields.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Task func() error

// Pool runs tasks on a fixed set of workers. Callers must not use the Pool
// during or after Close.
type Pool struct {
	mu       sync.Mutex
	failures map[string]int
	recent   []error

	tasks chan namedTask
	stop  chan struct{}
	wg    sync.WaitGroup
}

type namedTask struct {
	name string
	fn   Task
}

func NewPool(size int) *Pool {
	p := &Pool{
		failures: make(map[string]int),
		tasks:    make(chan namedTask),
		stop:     make(chan struct{}),
	}
	for i := 0; i < size; i++ {
		p.wg.Add(1)
		go p.worker()
	}
	p.wg.Add(1)
	go p.statsLoop(50 * time.Millisecond)
	return p
}

func (p *Pool) worker() {
	defer p.wg.Done()
	for {
		select {
		case <-p.stop:
			return
		case t := <-p.tasks:
			if err := t.fn(); err != nil {
				p.mu.Lock()
				p.failures[t.name]++
				p.recent = append(p.recent, err)
				p.mu.Unlock()
			}
		}
	}
}

func (p *Pool) statsLoop(every time.Duration) {
	defer p.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.mu.Lock()
			if len(p.recent) > 100 {
				p.recent = p.recent[len(p.recent)-100:]
			}
			p.mu.Unlock()
		}
	}
}

func (p *Pool) Submit(name string, fn Task) {
	p.tasks <- namedTask{name: name, fn: fn}
}

func (p *Pool) Failures(name string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.failures[name]
}

// Close stops all workers and the stats loop, waits for them, then drops
// the pool's state.
func (p *Pool) Close() {
	close(p.stop)
	p.wg.Wait()
	p.failures = nil
	p.recent = nil
}

func main() {
	p := NewPool(4)
	for i := 0; i < 10; i++ {
		i := i
		p.Submit("job", func() error {
			if i%3 == 0 {
				return fmt.Errorf("job %d failed", i)
			}
			return nil
		})
	}
	time.Sleep(10 * time.Millisecond)
	fmt.Println("failures:", p.Failures("job"))
	p.Close()
}
