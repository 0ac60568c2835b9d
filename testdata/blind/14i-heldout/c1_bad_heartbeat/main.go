package main

import (
	"fmt"
	"log"
	"sync"
	"time"
)

// Peer is a remote node we keep alive with heartbeats.
type Peer struct {
	Addr string
}

// Heartbeater pings a peer on a fixed period and records replies.
type Heartbeater struct {
	peer   Peer
	period time.Duration

	mu       sync.Mutex
	lastSeen time.Time
	misses   int

	quit   chan struct{}
	events chan string
}

// NewHeartbeater builds a heartbeater for peer.
func NewHeartbeater(peer Peer, period time.Duration) *Heartbeater {
	return &Heartbeater{
		peer:   peer,
		period: period,
		quit:   make(chan struct{}),
		events: make(chan string, 16),
	}
}

// Start launches the ping loop.
func (h *Heartbeater) Start() {
	go h.run()
}

func (h *Heartbeater) run() {
	t := time.NewTicker(h.period)
	defer t.Stop()
	for {
		select {
		case <-h.quit:
			return
		case now := <-t.C:
			h.ping(now)
		}
	}
}

func (h *Heartbeater) ping(now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if now.Sub(h.lastSeen) > 3*h.period && !h.lastSeen.IsZero() {
		h.misses++
		select {
		case h.events <- fmt.Sprintf("%s missed heartbeat", h.peer.Addr):
		default:
		}
		return
	}
	h.lastSeen = now
}

// Events returns the stream of liveness notices.
func (h *Heartbeater) Events() <-chan string { return h.events }

// Stop shuts the heartbeater down.
func (h *Heartbeater) Stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	close(h.events)
	h.events = nil
}

func main() {
	hb := NewHeartbeater(Peer{Addr: "10.0.0.7:7946"}, 20*time.Millisecond)
	hb.Start()
	time.Sleep(100 * time.Millisecond)
	hb.Stop()
	log.Println("heartbeater stopped")
}
