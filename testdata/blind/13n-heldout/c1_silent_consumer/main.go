// Command consumer is an example long-running worker that polls a job queue
// and processes whatever it finds.
package main

import (
	"fmt"
	"log"
	"math/rand"
	"strings"
	"sync"
	"time"
)

type Job struct {
	ID      int
	Payload string
}

type JobQueue struct {
	mu     sync.Mutex
	nextID int
	jobs   []Job
}

func (q *JobQueue) Push(payload string) {
	q.mu.Lock()
	q.nextID++
	q.jobs = append(q.jobs, Job{ID: q.nextID, Payload: payload})
	q.mu.Unlock()
}

// Poll returns up to max jobs, or none if the queue is empty.
func (q *JobQueue) Poll(max int) []Job {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := min(max, len(q.jobs))
	out := append([]Job(nil), q.jobs[:n]...)
	q.jobs = q.jobs[n:]
	return out
}

type Worker struct {
	name  string
	queue *JobQueue
	idle  time.Duration
}

func (w *Worker) handle(j Job) {
	words := strings.Fields(j.Payload)
	log.Printf("%s: job %d -> %d words, upper=%q", w.name, j.ID, len(words), strings.ToUpper(j.Payload))
}

func (w *Worker) Loop() {
	for {
		batch := w.queue.Poll(5)
		if len(batch) == 0 {
			time.Sleep(w.idle)
			continue
		}
		for _, j := range batch {
			w.handle(j)
		}
	}
}

func produce(q *JobQueue) {
	phrases := []string{
		"resize image thumbnails",
		"send welcome email",
		"rebuild search index",
		"expire stale sessions",
	}
	for {
		q.Push(phrases[rand.Intn(len(phrases))])
		time.Sleep(time.Duration(50+rand.Intn(100)) * time.Millisecond)
	}
}

func main() {
	q := &JobQueue{}
	for i := 0; i < 3; i++ {
		w := &Worker{name: fmt.Sprintf("worker-%d", i), queue: q, idle: 100 * time.Millisecond}
		go w.Loop()
	}
	go produce(q)

	log.Println("consumer example running; press Ctrl-C to stop")
	// Keep the process alive; the workers poll until the process is killed.
	time.Sleep(365 * 24 * time.Hour)
}
