package main

import (
	"sync"
	"time"
)

// A scheduler whose Start checks and sets its state under the lock:
// one loop per scheduler, and main makes one. Nothing closes quit, so
// the loop runs as long as the process, by design, as reportStats
// does: its select's timer case keeps it turning.
type scheduler struct {
	mu      sync.Mutex
	running bool
	quit    chan struct{}
}

func (s *scheduler) start() {
	s.mu.Lock()
	if s.running {
		s.mu.Unlock()
		return
	}
	s.running = true
	s.mu.Unlock()
	s.quit = make(chan struct{})
	go s.loop(s.quit)
}

func (s *scheduler) loop(quit chan struct{}) {
	for {
		select {
		case <-quit:
			return
		case <-time.After(time.Second):
		}
	}
}

// One is started per request: the loops pile up.
type poller struct{ quit chan struct{} }

func (p *poller) loop() {
	for {
		select {
		case <-p.quit:
			return
		case <-time.After(time.Second):
		}
	}
}

func servePoll() {
	for {
		p := &poller{quit: make(chan struct{})}
		go p.loop() // want `goroutine never ends: nothing sends on or closes p.quit, its loop.s only way out`
		time.Sleep(time.Second)
	}
}

func init() {
	var s scheduler
	s.start()
	s.start()
	go servePoll()
}
