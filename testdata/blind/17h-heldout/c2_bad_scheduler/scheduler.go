package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

type Job struct {
	Name     string
	Priority int
	Cost     time.Duration
}

type Run struct {
	Job      string
	Worker   int
	Finished time.Time
}

// Scheduler hands jobs to a fixed number of workers and records each run.
type Scheduler struct {
	queue chan Job
	runs  []Run
	mu    sync.Mutex
	wg    sync.WaitGroup
}

func NewScheduler(workers int, jobs []Job) *Scheduler {
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].Priority > jobs[j].Priority })
	s := &Scheduler{queue: make(chan Job, len(jobs))}
	for _, j := range jobs {
		s.queue <- j
	}
	close(s.queue)
	for w := 0; w < workers; w++ {
		s.wg.Add(1)
		go s.worker(w)
	}
	return s
}

func (s *Scheduler) worker(id int) {
	defer s.wg.Done()
	for j := range s.queue {
		time.Sleep(j.Cost)
		s.mu.Lock()
		s.runs = append(s.runs, Run{Job: j.Name, Worker: id, Finished: time.Now()})
		s.mu.Unlock()
	}
}

func main() {
	jobs := []Job{
		{"rotate-logs", 1, time.Millisecond},
		{"backup-db", 9, 3 * time.Millisecond},
		{"reindex", 5, 2 * time.Millisecond},
		{"send-digest", 3, time.Millisecond},
		{"gc-tmp", 1, time.Millisecond},
		{"warm-cache", 7, 2 * time.Millisecond},
	}
	s := NewScheduler(3, jobs)

	time.Sleep(30 * time.Millisecond)
	runs := s.runs
	fmt.Printf("%d runs completed\n", len(runs))
	for _, r := range runs {
		fmt.Printf("  %-12s on worker %d\n", r.Job, r.Worker)
	}

	s.wg.Wait()
}
