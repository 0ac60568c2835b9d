package pricefeed

import (
	"log"
	"sync"
)

type Stopper struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	quit    chan struct{}
	running int
}

func NewStopper() *Stopper {
	return &Stopper{quit: make(chan struct{})}
}

func (s *Stopper) RunWorker(f func()) {
	s.mu.Lock()
	s.running++
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			s.mu.Lock()
			s.running--
			s.mu.Unlock()
		}()
		f()
	}()
}

func (s *Stopper) ShouldQuit() <-chan struct{} { return s.quit }

func (s *Stopper) Stop() {
	close(s.quit)
	s.wg.Wait()
	log.Printf("stopper: all workers exited")
}
