package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

// jobQueue is a FIFO whose slice is guarded by a channel lock.
type jobQueue struct {
	sem  chan struct{}
	jobs []string
}

func newJobQueue() *jobQueue {
	return &jobQueue{sem: make(chan struct{}, 1)}
}

func (q *jobQueue) lock()   { q.sem <- struct{}{} }
func (q *jobQueue) unlock() { <-q.sem }

func (q *jobQueue) put(job string) {
	q.lock()
	q.jobs = append(q.jobs, job)
	q.unlock()
}

// tryGet never blocks beyond the lock itself.
func (q *jobQueue) tryGet() (string, bool) {
	q.lock()
	defer q.unlock()
	if len(q.jobs) == 0 {
		return "", false
	}
	j := q.jobs[0]
	q.jobs = q.jobs[1:]
	return j, true
}

// resultSet collects finished job names under its own channel lock.
type resultSet struct {
	sem  chan struct{}
	done []string
}

func (r *resultSet) record(name string) {
	r.sem <- struct{}{}
	r.done = append(r.done, name)
	<-r.sem
}

func (r *resultSet) snapshot() []string {
	r.sem <- struct{}{}
	out := append([]string(nil), r.done...)
	<-r.sem
	sort.Strings(out)
	return out
}

func worker(id int, q *jobQueue, res *resultSet, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		job, ok := q.tryGet()
		if !ok {
			return
		}
		time.Sleep(time.Millisecond)
		res.record(fmt.Sprintf("%s@w%d", job, id))
	}
}

func main() {
	q := newJobQueue()
	for i := 0; i < 12; i++ {
		q.put(fmt.Sprintf("job-%02d", i))
	}
	res := &resultSet{sem: make(chan struct{}, 1)}

	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go worker(w, q, res, &wg)
	}
	wg.Wait()

	for _, name := range res.snapshot() {
		fmt.Println(name)
	}
}
