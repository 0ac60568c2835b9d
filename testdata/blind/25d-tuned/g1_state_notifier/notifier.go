// Correct: Set closes s.changed and installs a fresh channel on every path under s.mu, so repeated calls from the loop never close the same channel twice.
package g1_state_notifier

import (
	"sync"
	"time"
)

// State is the health state of a component.
type State int

const (
	Unknown State = iota
	Healthy
	Degraded
	Down
)

// Notifier publishes state changes; readers wait on the returned channel.
type Notifier struct {
	mu      sync.Mutex
	state   State
	since   time.Time
	changed chan struct{}
}

// NewNotifier returns a notifier in the Unknown state.
func NewNotifier() *Notifier {
	return &Notifier{since: time.Now(), changed: make(chan struct{})}
}

// Watch returns the current state and a channel closed on the next Set.
func (n *Notifier) Watch() (State, <-chan struct{}) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.state, n.changed
}

// Set records the state and wakes all watchers.
func (n *Notifier) Set(s State) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if s != n.state {
		n.since = time.Now()
	}
	n.state = s
	close(n.changed)
	n.changed = make(chan struct{})
}

// Checker runs a probe periodically and feeds the notifier.
type Checker struct {
	probe    func() error
	interval time.Duration
	n        *Notifier
	stop     chan struct{}
	done     chan struct{}
}

// NewChecker starts a background checker.
func NewChecker(probe func() error, interval time.Duration) *Checker {
	c := &Checker{
		probe:    probe,
		interval: interval,
		n:        NewNotifier(),
		stop:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	go c.loop()
	return c
}

func (c *Checker) loop() {
	defer close(c.done)
	t := time.NewTicker(c.interval)
	defer t.Stop()
	fails := 0
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
		}
		if err := c.probe(); err != nil {
			fails++
		} else {
			fails = 0
		}
		switch {
		case fails == 0:
			c.n.Set(Healthy)
		case fails < 3:
			c.n.Set(Degraded)
		default:
			c.n.Set(Down)
		}
	}
}

// Notifier exposes the checker's notifier.
func (c *Checker) Notifier() *Notifier { return c.n }

// Stop halts the checker and waits for the loop to exit.
func (c *Checker) Stop() {
	close(c.stop)
	<-c.done
}
