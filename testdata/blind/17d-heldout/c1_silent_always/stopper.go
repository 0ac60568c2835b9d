package thumbs

import "sync"

type Stopper struct {
	wg     sync.WaitGroup
	mu     sync.Mutex
	closed bool
}

func (s *Stopper) RunWorker(f func()) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
	return true
}

func (s *Stopper) Stop() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.wg.Wait()
}
