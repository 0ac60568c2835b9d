// Correct: Start launches a fixed number of workers exactly once, each starts one heartbeat helper; Pool has no Close/Stop and lives for the process.
package g3_worker_heartbeat

import (
	"log"
	"sync"
	"sync/atomic"
	"time"
)

// Task is a unit of work submitted to the pool.
type Task func() error

// Pool is a fixed-size worker pool that reports per-worker liveness.
type Pool struct {
	size  int
	tasks chan Task
	once  sync.Once

	lastBeat []atomic.Int64 // unix nanos, one per worker
	done     atomic.Int64
}

// NewPool returns a pool with size workers and a queue of depth queue.
func NewPool(size, queue int) *Pool {
	return &Pool{
		size:     size,
		tasks:    make(chan Task, queue),
		lastBeat: make([]atomic.Int64, size),
	}
}

// Start launches the workers. Calling it more than once has no effect.
func (p *Pool) Start() {
	p.once.Do(func() {
		for i := 0; i < p.size; i++ {
			go p.worker(i)
		}
	})
}

func (p *Pool) worker(id int) {
	go p.heartbeat(id)
	for t := range p.tasks {
		if err := t(); err != nil {
			log.Printf("worker %d: task failed: %v", id, err)
		}
		p.done.Add(1)
	}
}

func (p *Pool) heartbeat(id int) {
	t := time.NewTicker(time.Second)
	for now := range t.C {
		p.lastBeat[id].Store(now.UnixNano())
	}
}

// Submit queues t, blocking if the queue is full.
func (p *Pool) Submit(t Task) {
	p.tasks <- t
}

// Stale returns the ids of workers whose last heartbeat is older than max.
func (p *Pool) Stale(max time.Duration) []int {
	cutoff := time.Now().Add(-max).UnixNano()
	var ids []int
	for i := range p.lastBeat {
		if p.lastBeat[i].Load() < cutoff {
			ids = append(ids, i)
		}
	}
	return ids
}

// Completed reports how many tasks have finished.
func (p *Pool) Completed() int64 { return p.done.Load() }
