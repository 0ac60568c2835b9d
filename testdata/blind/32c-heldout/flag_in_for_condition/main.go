// GOOD: the <-h.quit case sets stopping, and the for statement's condition tests !stopping, so the loop
// (and the goroutine) ends on the next iteration after Stop closes quit.
package main

import (
	"fmt"
	"net"
	"sync"
	"time"
)

// Heartbeater periodically announces liveness to a peer.
type Heartbeater struct {
	peer     string
	interval time.Duration
	quit     chan struct{}
	wg       sync.WaitGroup

	mu    sync.Mutex
	sent  int
	fails int
}

// NewHeartbeater returns a heartbeater for the given peer address.
func NewHeartbeater(peer string, interval time.Duration) *Heartbeater {
	return &Heartbeater{peer: peer, interval: interval, quit: make(chan struct{})}
}

// Start begins sending heartbeats.
func (h *Heartbeater) Start() {
	h.wg.Add(1)
	go h.loop()
}

func (h *Heartbeater) loop() {
	defer h.wg.Done()
	t := time.NewTicker(h.interval)
	defer t.Stop()
	stopping := false
	for !stopping {
		select {
		case <-h.quit:
			stopping = true
		case <-t.C:
			h.beat()
		}
	}
	h.beatFinal()
}

func (h *Heartbeater) beat() {
	conn, err := net.DialTimeout("udp", h.peer, 50*time.Millisecond)
	h.mu.Lock()
	defer h.mu.Unlock()
	if err != nil {
		h.fails++
		return
	}
	defer conn.Close()
	conn.Write([]byte("PING"))
	h.sent++
}

func (h *Heartbeater) beatFinal() {
	conn, err := net.DialTimeout("udp", h.peer, 50*time.Millisecond)
	if err != nil {
		return
	}
	defer conn.Close()
	conn.Write([]byte("BYE"))
}

// Stats returns how many heartbeats were sent and how many failed.
func (h *Heartbeater) Stats() (sent, fails int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.sent, h.fails
}

// Stop halts the heartbeater and waits for it to finish.
func (h *Heartbeater) Stop() {
	close(h.quit)
	h.wg.Wait()
}

func main() {
	h := NewHeartbeater("127.0.0.1:9999", 10*time.Millisecond)
	h.Start()
	time.Sleep(55 * time.Millisecond)
	h.Stop()
	sent, fails := h.Stats()
	fmt.Printf("sent=%d fails=%d\n", sent, fails)
}
