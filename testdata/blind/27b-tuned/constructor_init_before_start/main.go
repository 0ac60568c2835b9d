// GOOD: the constructor fills the guarded fields before it starts the heartbeat
// goroutine, and every later write, including the one in Shutdown, holds m.mu.
package main

import (
	"fmt"
	"sync"
	"time"
)

// Member is one node of a cluster membership list.
type Member struct {
	Addr     string
	LastSeen time.Time
}

// Membership tracks peers and expires those that stop sending heartbeats.
// It is safe for concurrent use.
type Membership struct {
	mu      sync.Mutex
	peers   map[string]*Member
	evicted int
	timeout time.Duration

	stop chan struct{}
}

func NewMembership(seeds []string, timeout time.Duration) *Membership {
	m := &Membership{timeout: timeout, stop: make(chan struct{})}
	m.peers = make(map[string]*Member, len(seeds))
	now := time.Now()
	for _, addr := range seeds {
		m.peers[addr] = &Member{Addr: addr, LastSeen: now}
	}
	m.evicted = 0
	go m.expireLoop(timeout / 2)
	return m
}

func (m *Membership) expireLoop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case now := <-t.C:
			m.mu.Lock()
			for addr, p := range m.peers {
				if now.Sub(p.LastSeen) > m.timeout {
					delete(m.peers, addr)
					m.evicted++
				}
			}
			m.mu.Unlock()
		}
	}
}

// Heartbeat records that addr is alive.
func (m *Membership) Heartbeat(addr string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.peers == nil {
		return // shut down
	}
	if p, ok := m.peers[addr]; ok {
		p.LastSeen = time.Now()
		return
	}
	m.peers[addr] = &Member{Addr: addr, LastSeen: time.Now()}
}

func (m *Membership) Alive() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.peers)
}

// Shutdown stops expiry and empties the membership list.
func (m *Membership) Shutdown() {
	close(m.stop)
	m.mu.Lock()
	m.peers = nil
	m.evicted = 0
	m.mu.Unlock()
}

func main() {
	m := NewMembership([]string{"10.0.0.1:7946", "10.0.0.2:7946"}, 20*time.Millisecond)
	m.Heartbeat("10.0.0.3:7946")
	fmt.Println("alive:", m.Alive())
	time.Sleep(50 * time.Millisecond)
	fmt.Println("alive after timeout:", m.Alive())
	m.Shutdown()
}
