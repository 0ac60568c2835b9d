// GOOD: Grow writes the new worker's generation field while holding only Pool.mu,
// but the worker was just allocated and is not yet in p.workers or visible to any
// other goroutine, so nobody can race with that write; later accesses lock w.mu.
package main

import (
	"fmt"
	"sync"
)

// worker processes jobs and counts them.
type worker struct {
	id int

	mu         sync.Mutex
	processed  int
	generation int
}

func (w *worker) handle(job int) {
	w.mu.Lock()
	w.processed++
	w.mu.Unlock()
	_ = job * 2
}

func (w *worker) stats() (processed, gen int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.processed, w.generation
}

// Pool is a growable set of workers.
type Pool struct {
	mu      sync.Mutex
	workers []*worker
	gen     int
}

func NewPool(n int) *Pool {
	p := &Pool{}
	p.Grow(n)
	return p
}

// Grow adds n fresh workers tagged with a new generation number.
func (p *Pool) Grow(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gen++
	for i := 0; i < n; i++ {
		w := &worker{id: len(p.workers)}
		w.generation = p.gen
		p.workers = append(p.workers, w)
	}
}

func (p *Pool) worker(i int) *worker {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.workers[i%len(p.workers)]
}

func (p *Pool) Submit(job int) { p.worker(job).handle(job) }

func (p *Pool) Report() {
	p.mu.Lock()
	ws := append([]*worker(nil), p.workers...)
	p.mu.Unlock()
	for _, w := range ws {
		n, g := w.stats()
		fmt.Printf("worker %d (gen %d): %d jobs\n", w.id, g, n)
	}
}

func main() {
	p := NewPool(2)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(base int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				p.Submit(base*100 + j)
			}
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.Grow(2)
	}()
	wg.Wait()
	p.Report()
}
