// BAD: evictOldest runs under the pool's write lock and bumps w.generation without w.mu,
// but Acquire/Release/Generation touch w.generation under w.mu after p.mu was released,
// so the pool lock does not exclude them and the increment races.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

type worker struct {
	id string

	mu         sync.Mutex
	busy       bool
	generation int
	started    time.Time
}

func (w *worker) Acquire() (gen int, ok bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.busy {
		return 0, false
	}
	w.busy = true
	return w.generation, true
}

func (w *worker) Release(gen int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if gen == w.generation {
		w.busy = false
	}
}

func (w *worker) Generation() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.generation
}

func (w *worker) recycle() {
	w.generation++ // want "without holding"
	w.started = time.Now()
}

type WorkerPool struct {
	mu      sync.Mutex
	workers map[string]*worker
	max     int
}

func NewWorkerPool(max int) *WorkerPool {
	return &WorkerPool{workers: make(map[string]*worker), max: max}
}

func (p *WorkerPool) get(id string) *worker {
	p.mu.Lock()
	defer p.mu.Unlock()
	w, ok := p.workers[id]
	if !ok {
		if len(p.workers) >= p.max {
			p.evictOldest()
		}
		w = &worker{id: id, started: time.Now()}
		p.workers[id] = w
	}
	return w
}

// evictOldest recycles the oldest worker; callers hold p.mu.
func (p *WorkerPool) evictOldest() {
	ws := make([]*worker, 0, len(p.workers))
	for _, w := range p.workers {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].started.Before(ws[j].started) })
	oldest := ws[0]
	oldest.recycle()
	delete(p.workers, oldest.id)
}

func (p *WorkerPool) Run(id string, job func()) bool {
	w := p.get(id)
	gen, ok := w.Acquire()
	if !ok {
		return false
	}
	defer w.Release(gen)
	job()
	return true
}

func main() {
	p := NewWorkerPool(2)
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			p.Run(fmt.Sprintf("w%d", i%4), func() { time.Sleep(time.Millisecond) })
		}(i)
	}
	wg.Wait()
	fmt.Println(p.get("w0").Generation())
}
