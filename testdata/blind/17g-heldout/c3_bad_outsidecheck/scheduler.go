package main

import (
	"fmt"
	"sync"
	"time"
)

type Job struct {
	ID   int
	Name string
}

// Scheduler runs queued jobs on a background loop.
type Scheduler struct {
	mu      sync.Mutex
	cond    *sync.Cond
	queue   []Job
	stopped bool
	ran     []int
	exited  chan struct{}
}

func NewScheduler() *Scheduler {
	s := &Scheduler{exited: make(chan struct{})}
	s.cond = sync.NewCond(&s.mu)
	return s
}

func (s *Scheduler) Start() {
	go s.loop()
}

func (s *Scheduler) pending() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue) > 0 || s.stopped
}

func (s *Scheduler) loop() {
	defer close(s.exited)
	for {
		if !s.pending() {
			s.mu.Lock()
			s.cond.Wait()
			s.mu.Unlock()
		}
		s.mu.Lock()
		if s.stopped && len(s.queue) == 0 {
			s.mu.Unlock()
			return
		}
		if len(s.queue) == 0 {
			s.mu.Unlock()
			continue
		}
		job := s.queue[0]
		s.queue = s.queue[1:]
		s.ran = append(s.ran, job.ID)
		s.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
}

func (s *Scheduler) Submit(j Job) {
	s.mu.Lock()
	s.queue = append(s.queue, j)
	s.mu.Unlock()
	s.cond.Signal()
}

func (s *Scheduler) Stop() {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.cond.Signal()
	<-s.exited
}

func main() {
	s := NewScheduler()
	s.Start()
	for i := 1; i <= 3; i++ {
		s.Submit(Job{ID: i, Name: fmt.Sprintf("compact-%d", i)})
	}
	s.Stop()
	fmt.Println("ran:", s.ran)
}
