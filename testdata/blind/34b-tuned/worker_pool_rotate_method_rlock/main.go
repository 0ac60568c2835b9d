// BAD: Rotate holds only a read lock on Pool.mu and calls w.bumpEpoch, which
// increments w.epoch without w.mu; Run and Snapshot read epoch under w.mu after
// releasing Pool.mu, and two Rotate calls can even run at the same time.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Worker executes tasks and tracks work per epoch.
type Worker struct {
	name string

	mu     sync.Mutex
	epoch  int
	done   int
	doneIn map[int]int
}

func newWorker(name string) *Worker {
	return &Worker{name: name, doneIn: make(map[int]int)}
}

func (w *Worker) Run(task func()) {
	task()
	w.mu.Lock()
	w.done++
	w.doneIn[w.epoch]++
	w.mu.Unlock()
}

func (w *Worker) Snapshot() (epoch, done int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.epoch, w.done
}

// bumpEpoch starts a new accounting period for this worker.
func (w *Worker) bumpEpoch() {
	w.epoch++ // want "without holding"
}

// Pool is a fixed set of named workers.
type Pool struct {
	mu      sync.RWMutex
	workers []*Worker
}

func NewPool(names ...string) *Pool {
	p := &Pool{}
	for _, n := range names {
		p.workers = append(p.workers, newWorker(n))
	}
	return p
}

func (p *Pool) Get(i int) *Worker {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.workers[i%len(p.workers)]
}

// Rotate moves every worker to the next accounting epoch.
func (p *Pool) Rotate() {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for _, w := range p.workers {
		w.bumpEpoch()
	}
}

func main() {
	p := NewPool("alpha", "beta", "gamma")
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				p.Rotate()
			}
		}
	}()

	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				p.Get(i + j).Run(func() { time.Sleep(20 * time.Microsecond) })
			}
		}(i)
	}
	wg.Wait()
	close(stop)
	for i := 0; i < 3; i++ {
		e, d := p.Get(i).Snapshot()
		fmt.Printf("worker %d: epoch %d, %d done\n", i, e, d)
	}
}
