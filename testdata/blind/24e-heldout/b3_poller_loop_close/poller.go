// Package b3_poller_loop_close waits for a dependency to report healthy.
package b3_poller_loop_close

import (
	"errors"
	"time"
)

// Status is what a health endpoint reports.
type Status struct {
	Healthy bool
	Detail  string
}

var errTimeout = errors.New("health check timed out")

type statusPoller struct {
	updates  chan Status
	interval time.Duration
	fetch    func() Status
}

func newStatusPoller(fetch func() Status, interval time.Duration) *statusPoller {
	return &statusPoller{
		updates:  make(chan Status),
		interval: interval,
		fetch:    fetch,
	}
}

// run polls forever, pushing every observed status to p.updates.
func (p *statusPoller) run() {
	tick := time.NewTicker(p.interval)
	defer tick.Stop()
	for range tick.C {
		p.updates <- p.fetch()
	}
}

// WaitHealthy polls fetch until it reports healthy or timeout elapses.
func WaitHealthy(fetch func() Status, timeout time.Duration) (Status, error) {
	p := newStatusPoller(fetch, 5*time.Millisecond)
	go p.run()

	deadline := time.NewTimer(timeout)
	defer deadline.Stop()

	var (
		last Status
		err  error
	)
loop:
	for {
		select {
		case s := <-p.updates:
			last = s
			if s.Healthy {
				break loop
			}
		case <-deadline.C:
			err = errTimeout
			break loop
		}
	}
	close(p.updates) // BAD: run() keeps sending on every tick after the value we received
	return last, err
}
