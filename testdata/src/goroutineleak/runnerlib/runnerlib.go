// Package runnerlib runs workers for package runner: a helper in
// another package, known by its fact.
package runnerlib

import "sync"

type Stopper struct {
	quit chan struct{}
	wg   sync.WaitGroup
}

func New() *Stopper { return &Stopper{quit: make(chan struct{})} }

// RunWorker runs f in a goroutine of its own.
func (s *Stopper) RunWorker(f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
}

func (s *Stopper) ShouldStop() <-chan struct{} { return s.quit }

func (s *Stopper) Stop() {
	close(s.quit)
	s.wg.Wait()
}
