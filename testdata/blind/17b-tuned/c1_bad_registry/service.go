package registry

import (
	"sync"
	"time"
)

type Service struct {
	name  string
	reg   *Registry
	probe func() bool

	mu      sync.Mutex
	healthy bool
	stopped bool
}

func (s *Service) healthLoop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		if !s.report() {
			return
		}
	}
}

func (s *Service) report() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return false
	}
	s.healthy = s.probe()
	if s.healthy {
		s.reg.touch(s.name, time.Now())
	}
	return true
}

func (s *Service) markStopped() {
	s.mu.Lock()
	s.stopped = true
	s.healthy = false
	s.mu.Unlock()
}

func (s *Service) Healthy() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.healthy
}
