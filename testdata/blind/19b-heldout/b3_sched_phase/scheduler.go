package b3_sched_phase

import (
	"context"
	"sync"
	"time"
)

type Phase string

const (
	PhaseRunning  Phase = "running"
	PhaseDraining Phase = "draining"
	PhaseStopped  Phase = "stopped"
)

type Job struct {
	ID  string
	Run func(context.Context) error
}

type Scheduler struct {
	mu       sync.RWMutex
	phase    Phase
	inflight int
	lastErr  error

	// loop-only
	queue   []Job
	pending map[string]time.Time

	submit chan Job
	drain  chan struct{}
	doneCh chan string
}

func NewScheduler() *Scheduler {
	return &Scheduler{
		phase:   PhaseRunning,
		pending: make(map[string]time.Time),
		submit:  make(chan Job),
		drain:   make(chan struct{}),
		doneCh:  make(chan string),
	}
}

// Status is safe to call from any goroutine.
func (s *Scheduler) Status() (Phase, int, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.phase, s.inflight, s.lastErr
}

func (s *Scheduler) Submit(j Job) { s.submit <- j }

func (s *Scheduler) Drain() { close(s.drain) }

func (s *Scheduler) Run(ctx context.Context) {
	drain := s.drain
	for {
		select {
		case j := <-s.submit:
			s.queue = append(s.queue, j)
			s.dispatch(ctx)
		case id := <-s.doneCh:
			delete(s.pending, id)
			s.mu.Lock()
			s.inflight--
			s.mu.Unlock()
			s.dispatch(ctx)
		case <-drain:
			drain = nil
			s.phase = PhaseDraining // BAD: loop writes guarded phase without s.mu while Status reads it under RLock
		case <-ctx.Done():
			s.mu.Lock()
			s.phase = PhaseStopped
			s.mu.Unlock()
			return
		}
		if drain == nil && len(s.pending) == 0 && len(s.queue) == 0 {
			s.mu.Lock()
			s.phase = PhaseStopped
			s.mu.Unlock()
			return
		}
	}
}

func (s *Scheduler) dispatch(ctx context.Context) {
	for len(s.queue) > 0 && len(s.pending) < 4 {
		j := s.queue[0]
		s.queue = s.queue[1:]
		s.pending[j.ID] = time.Now()
		s.mu.Lock()
		s.inflight++
		s.mu.Unlock()
		go func() {
			if err := j.Run(ctx); err != nil {
				s.mu.Lock()
				s.lastErr = err
				s.mu.Unlock()
			}
			s.doneCh <- j.ID
		}()
	}
}
