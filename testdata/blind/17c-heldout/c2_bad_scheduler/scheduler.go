package cron

import (
	"fmt"
	"sync"
	"time"
)

type State int

const (
	Pending State = iota
	Running
	Finished
	Failed
)

type Transitions interface {
	Moved(id string, from, to State)
}

type job struct {
	id    string
	state State
	due   time.Time
}

type Scheduler struct {
	mu   sync.Mutex
	jobs map[string]*job
	tr   Transitions
}

func NewScheduler() *Scheduler {
	s := &Scheduler{jobs: make(map[string]*job)}
	s.tr = newJournal(s, 1000)
	return s
}

func (s *Scheduler) Add(id string, due time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.jobs[id] = &job{id: id, state: Pending, due: due}
}

func (s *Scheduler) move(id string, to State) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return fmt.Errorf("cron: unknown job %q", id)
	}
	from := j.state
	j.state = to
	s.tr.Moved(id, from, to)
	return nil
}

func (s *Scheduler) Start(id string) error  { return s.move(id, Running) }
func (s *Scheduler) Finish(id string) error { return s.move(id, Finished) }
func (s *Scheduler) Fail(id string) error   { return s.move(id, Failed) }

func (s *Scheduler) countIn(st State) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, j := range s.jobs {
		if j.state == st {
			n++
		}
	}
	return n
}
