package ordered

import "sync"

type cfgUpdate struct {
	cfg  int
	done chan struct{}
}

// Balancer is grpc's outlier detection balancer: UpdateConfig sets
// inhibit under mu, hands the run loop a request and waits for its
// answer; the run loop's handler clears inhibit without the lock and
// then answers. Every pair of accesses is ordered: the request orders
// UpdateConfig's write before the handler, the answer orders the
// handler's write before UpdateConfig returns, and the run loop's
// locked read is in the handler's own goroutine.
type Balancer struct {
	mu      sync.Mutex
	inhibit bool
	state   int
	updates chan any
}

func NewBalancer() *Balancer {
	b := &Balancer{updates: make(chan any, 16)}
	go b.run()
	return b
}

func (b *Balancer) run() {
	for u := range b.updates {
		switch u := u.(type) {
		case cfgUpdate:
			b.handleConfig(u)
		case int:
			b.handleState(u)
		}
	}
}

func (b *Balancer) UpdateConfig(cfg int) {
	b.mu.Lock()
	b.inhibit = true
	b.mu.Unlock()
	done := make(chan struct{})
	b.updates <- cfgUpdate{cfg: cfg, done: done}
	<-done
}

func (b *Balancer) UpdateState(s int) { b.updates <- s }

func (b *Balancer) handleState(s int) {
	b.mu.Lock()
	if b.inhibit {
		b.state = s
	}
	b.mu.Unlock()
}

func (b *Balancer) handleConfig(u cfgUpdate) {
	b.inhibit = false // silent: UpdateConfig waits for the answer below
	close(u.done)
}

// AsyncBalancer's UpdateConfig does not wait for the answer: its next
// call's locked write races with the handler's unlocked one.
type AsyncBalancer struct {
	mu      sync.Mutex
	inhibit bool
	state   int
	updates chan any
}

func NewAsyncBalancer() *AsyncBalancer {
	b := &AsyncBalancer{updates: make(chan any, 16)}
	go b.run()
	return b
}

func (b *AsyncBalancer) run() {
	for u := range b.updates {
		switch u := u.(type) {
		case cfgUpdate:
			b.handleConfig(u)
		case int:
			b.handleState(u)
		}
	}
}

func (b *AsyncBalancer) UpdateConfig(cfg int) {
	b.mu.Lock()
	b.inhibit = true
	b.mu.Unlock()
	b.updates <- cfgUpdate{cfg: cfg, done: make(chan struct{})}
}

func (b *AsyncBalancer) UpdateState(s int) { b.updates <- s }

func (b *AsyncBalancer) handleState(s int) {
	b.mu.Lock()
	if b.inhibit {
		b.state = s
	}
	b.mu.Unlock()
}

func (b *AsyncBalancer) handleConfig(u cfgUpdate) {
	b.inhibit = false // want `write to b.inhibit without holding b.mu`
	close(u.done)
}

// EarlyBalancer's handler answers before it writes: the requester may
// have returned and locked again.
type EarlyBalancer struct {
	mu      sync.Mutex
	inhibit bool
	state   int
	updates chan any
}

func NewEarlyBalancer() *EarlyBalancer {
	b := &EarlyBalancer{updates: make(chan any, 16)}
	go b.run()
	return b
}

func (b *EarlyBalancer) run() {
	for u := range b.updates {
		switch u := u.(type) {
		case cfgUpdate:
			b.handleConfig(u)
		case int:
			b.handleState(u)
		}
	}
}

func (b *EarlyBalancer) UpdateConfig(cfg int) {
	b.mu.Lock()
	b.inhibit = true
	b.mu.Unlock()
	done := make(chan struct{})
	b.updates <- cfgUpdate{cfg: cfg, done: done}
	<-done
}

func (b *EarlyBalancer) UpdateState(s int) { b.updates <- s }

func (b *EarlyBalancer) handleState(s int) {
	b.mu.Lock()
	if b.inhibit {
		b.state = s
	}
	b.mu.Unlock()
}

func (b *EarlyBalancer) handleConfig(u cfgUpdate) {
	close(u.done)
	b.inhibit = false // want `write to b.inhibit without holding b.mu`
}
