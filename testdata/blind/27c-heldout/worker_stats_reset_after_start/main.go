// BAD: the worker goroutine increments q.failed, and the exported ResetFailures writes the same
// field with no lock or atomic; main calls ResetFailures while the worker is still draining jobs.
package main

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"
)

type Job struct {
	ID      int
	Payload string
}

// Queue processes jobs on a single background worker and keeps simple stats.
type Queue struct {
	jobs      chan Job
	wg        sync.WaitGroup
	processed int
	failed    int
	lastErr   error
}

func NewQueue(size int) *Queue {
	return &Queue{jobs: make(chan Job, size)}
}

func (q *Queue) Start() {
	q.wg.Add(1)
	go q.work()
}

func (q *Queue) work() {
	defer q.wg.Done()
	for job := range q.jobs {
		if err := handle(job); err != nil {
			q.failed++
			q.lastErr = err
			continue
		}
		q.processed++
	}
}

func handle(j Job) error {
	if strings.TrimSpace(j.Payload) == "" {
		return fmt.Errorf("job %d: %w", j.ID, errors.New("empty payload"))
	}
	time.Sleep(time.Millisecond)
	return nil
}

func (q *Queue) Submit(j Job) { q.jobs <- j }

// ResetFailures clears the failure counter, e.g. at the start of an alerting window.
func (q *Queue) ResetFailures() {
	q.failed = 0 // want "without a lock|without holding"
}

func (q *Queue) Close() {
	close(q.jobs)
	q.wg.Wait()
}

func main() {
	q := NewQueue(64)
	q.Start()

	for i := 0; i < 100; i++ {
		payload := "data"
		if i%7 == 0 {
			payload = ""
		}
		q.Submit(Job{ID: i, Payload: payload})
		if i == 50 {
			// new alerting window
			q.ResetFailures()
		}
	}

	q.Close()
	log.Printf("processed=%d failed=%d last=%v", q.processed, q.failed, q.lastErr)
}
