package b2_job_worker

import (
	"log"
	"sync"
	"sync/atomic"
)

// Job is a unit of work handed to a Worker.
type Job struct {
	ID   int
	Data []byte
}

// Worker processes jobs sequentially on a background goroutine.
type Worker struct {
	name    string
	jobs    chan Job
	stop    chan struct{}
	once    sync.Once
	handled atomic.Int64

	handle func(Job) error
	onStop func()
}

// NewWorker builds a worker; call Start to begin processing.
func NewWorker(name string, handle func(Job) error) *Worker {
	w := &Worker{
		name:   name,
		jobs:   make(chan Job, 16),
		stop:   make(chan struct{}),
		handle: handle,
	}
	w.onStop = func() {
		log.Printf("worker %s: stopping after %d jobs", w.name, w.handled.Load())
	}
	return w
}

// Start launches the processing loop.
func (w *Worker) Start() {
	go w.loop() // BAD: the stop case only runs onStop (a log), jobs is never closed, so the loop never returns after Stop
}

func (w *Worker) loop() {
	for {
		select {
		case j, ok := <-w.jobs:
			if !ok {
				return
			}
			if err := w.handle(j); err != nil {
				log.Printf("worker %s: job %d: %v", w.name, j.ID, err)
				continue
			}
			w.handled.Add(1)
		case <-w.stop:
			w.onStop()
		}
	}
}

// Submit enqueues a job; it reports false once the worker is stopped.
func (w *Worker) Submit(j Job) bool {
	select {
	case <-w.stop:
		return false
	default:
	}
	select {
	case w.jobs <- j:
		return true
	case <-w.stop:
		return false
	}
}

// Stop asks the worker to stop.
func (w *Worker) Stop() {
	w.once.Do(func() { close(w.stop) })
}

// Handled returns the number of successfully processed jobs.
func (w *Worker) Handled() int64 { return w.handled.Load() }
