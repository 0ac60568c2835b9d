// Package runner holds helpers that run a function value in a new
// goroutine, for the dump of syncmodel/dump (their Spawner facts).
package runner

import "sync"

// Stopper counts its workers.
type Stopper struct {
	wg sync.WaitGroup
}

// RunWorker runs f in a goroutine of its own, after bookkeeping.
func (s *Stopper) RunWorker(f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
}

// Stop waits for the workers.
func (s *Stopper) Stop() { s.wg.Wait() }

// Every runs f again and again in one goroutine: not a run of f as a
// goroutine of its own (f returning does not end it).
func Every(f func(), stop <-chan struct{}) {
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			f()
		}
	}()
}

// Now calls f in the caller's goroutine.
func Now(f func()) { f() }
