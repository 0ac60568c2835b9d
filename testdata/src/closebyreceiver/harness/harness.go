// Package harness: a producer whose shutdown closes its errors
// channel after waiting for every message in flight. Its workers are
// started by code this package does not show the model (users run
// them); a test starts one by hand on a producer it built itself.
package harness

import "sync"

type Producer struct {
	errors   chan error
	inFlight sync.WaitGroup
}

// fail hands a message's error back, then marks the message done.
func (p *Producer) fail(err error) {
	p.errors <- err
	p.inFlight.Done()
}

type worker struct {
	parent *Producer
	in     chan error
}

func (w *worker) run() {
	for err := range w.in {
		w.parent.fail(err)
	}
}

// Shutdown closes errors once every message in flight is done.
func (p *Producer) Shutdown() {
	p.inFlight.Wait()
	close(p.errors) // silent: the sender is a test's harness; each send also precedes its message's Done
}
