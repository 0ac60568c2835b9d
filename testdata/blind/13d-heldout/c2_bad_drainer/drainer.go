package jobs

import (
	"log"
	"sync"
	"time"
)

type Job struct {
	ID      string
	Payload []byte
}

// Dispatcher hands queued jobs to a handler from a background worker.
type Dispatcher struct {
	handle func(Job) error
	queue  chan Job
	quit   chan struct{}

	mu     sync.Mutex
	failed []string
}

func NewDispatcher(handle func(Job) error, depth int) *Dispatcher {
	d := &Dispatcher{
		handle: handle,
		queue:  make(chan Job, depth),
		quit:   make(chan struct{}),
	}
	go d.work()
	return d
}

func (d *Dispatcher) Enqueue(j Job) { d.queue <- j }

func (d *Dispatcher) work() {
	for {
		select {
		case <-d.quit:
			d.drain()
			break
		case j := <-d.queue:
			d.run(j)
		}
	}
}

func (d *Dispatcher) drain() {
	for {
		select {
		case j := <-d.queue:
			d.run(j)
		default:
			return
		}
	}
}

func (d *Dispatcher) run(j Job) {
	start := time.Now()
	if err := d.handle(j); err != nil {
		log.Printf("job %s failed after %v: %v", j.ID, time.Since(start), err)
		d.mu.Lock()
		d.failed = append(d.failed, j.ID)
		d.mu.Unlock()
	}
}

func (d *Dispatcher) Failed() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.failed...)
}

// Shutdown runs what is still queued and stops the worker.
func (d *Dispatcher) Shutdown() {
	close(d.quit)
}
