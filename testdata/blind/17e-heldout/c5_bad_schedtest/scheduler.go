package schedtest

import (
	"sync"
	"time"
)

type Job struct {
	Name  string
	Every time.Duration
	next  time.Time
	Run   func()
}

type Run struct {
	Job string
	At  time.Time
}

type Scheduler struct {
	jobsMu sync.Mutex
	jobs   []*Job
	histMu sync.Mutex
	hist   []Run
	stop   chan struct{}
	wg     sync.WaitGroup
}

func NewScheduler() *Scheduler {
	return &Scheduler{stop: make(chan struct{})}
}

func (s *Scheduler) Add(j *Job) {
	s.jobsMu.Lock()
	j.next = time.Now().Add(j.Every)
	s.jobs = append(s.jobs, j)
	s.jobsMu.Unlock()
}

func (s *Scheduler) Start(tick time.Duration) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case now := <-t.C:
				s.fire(now)
			}
		}
	}()
}

func (s *Scheduler) fire(now time.Time) {
	s.jobsMu.Lock()
	defer s.jobsMu.Unlock()
	for _, j := range s.jobs {
		if now.Before(j.next) {
			continue
		}
		j.next = now.Add(j.Every)
		j.Run()
		s.histMu.Lock()
		s.hist = append(s.hist, Run{Job: j.Name, At: now})
		s.histMu.Unlock()
	}
}

func (s *Scheduler) Stop() {
	close(s.stop)
	s.wg.Wait()
}
