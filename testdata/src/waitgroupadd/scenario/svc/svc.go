// Package svc: a Run that adds its own count to the WaitGroup // want package:"analyzed, dependencies too"
// Shutdown waits on. A main (or a test) is the whole run: one that
// starts Run and calls Shutdown races the Add; one that never calls
// Shutdown has no Wait for the Add to race with.
package svc

import (
	"context"
	"sync"
)

type Service struct {
	wg   sync.WaitGroup
	quit chan struct{}
	once sync.Once
}

func New() *Service { return &Service{quit: make(chan struct{})} }

// Run serves until ctx ends or Shutdown is called.
func (s *Service) Run(ctx context.Context) error { // want Run:`waitgroupadd\(add:p0/0 done:p0/0 carry:p1 flags=0\)`
	s.wg.Add(1)
	defer s.wg.Done()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-s.quit:
		return nil
	}
}

// Shutdown stops Run and waits for it.
func (s *Service) Shutdown() { // want Shutdown:`waitgroupadd\(pub:p0/2 wait:p0/0 flags=0\)`
	s.once.Do(func() { close(s.quit) })
	s.wg.Wait()
}
