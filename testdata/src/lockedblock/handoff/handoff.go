// Package handoff tests a waiter that gets to its locked operation only
// once its partner has signalled it: the partner's Lock before the
// signal comes first.
package handoff

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// Spinner's loop reports that it stopped holding mu, but only after it
// received Stop's request, which Stop sends holding mu; Stop then
// unlocks and waits without it.
type Spinner struct {
	stop    chan struct{}
	stopped chan struct{}
	mu      *sync.Mutex
	running bool
	ticker  *time.Ticker
	w       io.Writer
}

func NewSpinner(w io.Writer) *Spinner {
	return &Spinner{stop: make(chan struct{}, 1), stopped: make(chan struct{}), mu: &sync.Mutex{}, w: w}
}

func (s *Spinner) Start() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running {
		return
	}
	s.running = true
	s.ticker = time.NewTicker(100 * time.Millisecond)
	go func() {
		for {
			select {
			case <-s.stop:
				func() {
					s.mu.Lock()
					defer s.mu.Unlock()
					s.ticker.Stop()
					s.running = false
					s.stopped <- struct{}{} // silent: Stop locked before its request
				}()
				return
			case <-s.ticker.C:
				func() {
					s.mu.Lock()
					defer s.mu.Unlock()
					fmt.Fprint(s.w, ".")
				}()
			}
		}
	}()
}

func (s *Spinner) Stop() {
	s.mu.Lock()
	if !s.running {
		s.mu.Unlock()
		return
	}
	s.stop <- struct{}{}
	s.mu.Unlock()
	<-s.stopped
}

// Poller's Stop takes mu again after its request, to count the stop,
// before it waits: the loop may hold mu, blocked on its send, by then.
type Poller struct {
	stop    chan struct{}
	stopped chan struct{}
	mu      sync.Mutex
	running bool
	stops   int
}

func NewPoller() *Poller {
	return &Poller{stop: make(chan struct{}, 1), stopped: make(chan struct{})}
}

func (p *Poller) Start() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.running = true
	go p.loop()
}

func (p *Poller) loop() {
	for {
		select {
		case <-p.stop:
			p.mu.Lock()
			p.running = false
			p.stopped <- struct{}{} // want `send on p.stopped while holding p.mu, which the goroutine that receives from it must lock first \(deadlock\)`
			p.mu.Unlock()
			return
		case <-time.After(time.Second):
		}
	}
}

func (p *Poller) Stop() {
	p.mu.Lock()
	if !p.running {
		p.mu.Unlock()
		return
	}
	p.stop <- struct{}{}
	p.mu.Unlock()
	p.mu.Lock()
	p.stops++
	p.mu.Unlock()
	<-p.stopped
}

// Beacon's stop request may also come from Close, which takes no lock:
// the loop can then hold mu, blocked on its send, before Stop gets to
// its Lock.
type Beacon struct {
	stop    chan struct{}
	stopped chan struct{}
	mu      sync.Mutex
	beats   int
}

func NewBeacon() *Beacon {
	b := &Beacon{stop: make(chan struct{}, 1), stopped: make(chan struct{})}
	go b.loop()
	return b
}

func (b *Beacon) loop() {
	for {
		select {
		case <-b.stop:
			b.mu.Lock()
			b.stopped <- struct{}{} // want `send on b.stopped while holding b.mu, which the goroutine that receives from it must lock first \(deadlock\)`
			b.mu.Unlock()
			return
		case <-time.After(time.Second):
			b.mu.Lock()
			b.beats++
			b.mu.Unlock()
		}
	}
}

func (b *Beacon) Close() { b.stop <- struct{}{} }

func (b *Beacon) Stop() {
	b.mu.Lock()
	b.stop <- struct{}{}
	b.mu.Unlock()
	<-b.stopped
}
