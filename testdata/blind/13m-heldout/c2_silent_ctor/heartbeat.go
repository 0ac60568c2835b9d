package main

import (
	"fmt"
	"sync"
	"time"
)

// Member is one node in a cluster that announces itself with heartbeats.
type Member struct {
	mu       sync.Mutex
	id       string
	peers    map[string]time.Time
	interval time.Duration
	seq      uint64
	stop     chan struct{}
	done     chan struct{}
}

// NewMember creates a member and starts its heartbeat loop.
func NewMember(id string, interval time.Duration) *Member {
	m := &Member{id: id}
	m.init(interval)
	return m
}

func (m *Member) init(interval time.Duration) {
	m.peers = make(map[string]time.Time)
	m.interval = interval
	m.stop = make(chan struct{})
	m.done = make(chan struct{})
	go m.heartbeat(interval)
}

func (m *Member) heartbeat(every time.Duration) {
	defer close(m.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case now := <-t.C:
			m.mu.Lock()
			m.seq++
			for p, seen := range m.peers {
				if now.Sub(seen) > 10*m.interval {
					delete(m.peers, p)
				}
			}
			m.mu.Unlock()
		}
	}
}

// Observe records a heartbeat received from a peer.
func (m *Member) Observe(peer string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.peers[peer] = time.Now()
}

// SetInterval changes how stale a peer may become before removal.
func (m *Member) SetInterval(d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.interval = d
}

func (m *Member) Peers() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.peers))
	for p := range m.peers {
		out = append(out, p)
	}
	return out
}

func (m *Member) Stop() {
	close(m.stop)
	<-m.done
}

func main() {
	m := NewMember("node-a", 200*time.Microsecond)
	var wg sync.WaitGroup
	for _, p := range []string{"node-b", "node-c"} {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				m.Observe(p)
				time.Sleep(100 * time.Microsecond)
			}
		}(p)
	}
	wg.Wait()
	m.SetInterval(time.Millisecond)
	fmt.Println(m.Peers())
	m.Stop()
}
