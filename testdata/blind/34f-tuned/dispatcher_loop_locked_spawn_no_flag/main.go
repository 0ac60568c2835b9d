// BAD: the dispatcher goroutine calls d.spawn for every job, and spawn does
// d.wg.Add(1) under d.mu, but nothing checks whether Stop has begun: Stop takes the
// same lock only to close the queue and then Waits, so a job the dispatcher already
// dequeued can be Added after Wait has returned.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Job struct {
	ID      int
	Payload string
}

// Dispatcher fans jobs from a queue out to per-job goroutines.
type Dispatcher struct {
	mu      sync.Mutex
	queue   chan Job
	wg      sync.WaitGroup
	active  int
	process func(Job)
}

func NewDispatcher(size int, process func(Job)) *Dispatcher {
	d := &Dispatcher{queue: make(chan Job, size), process: process}
	go d.loop()
	return d
}

// Enqueue adds a job to the queue.
func (d *Dispatcher) Enqueue(j Job) {
	d.queue <- j
}

func (d *Dispatcher) loop() {
	for j := range d.queue {
		d.spawn(j) // want "WaitGroup.Add called"
	}
}

func (d *Dispatcher) spawn(j Job) {
	d.mu.Lock()
	d.wg.Add(1)
	d.active++
	d.mu.Unlock()

	go func() {
		defer d.finish()
		d.process(j)
	}()
}

func (d *Dispatcher) finish() {
	d.mu.Lock()
	d.active--
	d.mu.Unlock()
	d.wg.Done()
}

// Stop closes the queue and waits for every spawned job.
func (d *Dispatcher) Stop() {
	d.mu.Lock()
	close(d.queue)
	d.mu.Unlock()
	d.wg.Wait()
}

func main() {
	var mu sync.Mutex
	var done []int
	d := NewDispatcher(16, func(j Job) {
		time.Sleep(time.Millisecond)
		mu.Lock()
		done = append(done, j.ID)
		mu.Unlock()
	})

	for i := 0; i < 10; i++ {
		d.Enqueue(Job{ID: i, Payload: fmt.Sprintf("job-%d", i)})
	}
	d.Stop()

	mu.Lock()
	fmt.Printf("completed %d of 10 jobs\n", len(done))
	mu.Unlock()
}
