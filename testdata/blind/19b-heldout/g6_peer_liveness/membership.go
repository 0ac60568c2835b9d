// Correct: lastSeen is shared with per-peer reader goroutines, so every access (theirs and the loop's) holds m.mu; suspect/round stay loop-only.
package g6_peer_liveness

import (
	"bufio"
	"io"
	"sync"
	"time"
)

type Membership struct {
	timeout time.Duration

	mu       sync.Mutex
	lastSeen map[string]time.Time
	alive    map[string]bool

	// loop-only
	suspect map[string]int
	round   int

	stop chan struct{}
	wg   sync.WaitGroup
}

func NewMembership(timeout time.Duration) *Membership {
	return &Membership{
		timeout:  timeout,
		lastSeen: make(map[string]time.Time),
		alive:    make(map[string]bool),
		suspect:  make(map[string]int),
		stop:     make(chan struct{}),
	}
}

// AddPeer starts a reader for the peer's heartbeat stream.
func (m *Membership) AddPeer(name string, r io.Reader) {
	m.mu.Lock()
	m.lastSeen[name] = time.Now()
	m.alive[name] = true
	m.mu.Unlock()
	m.wg.Add(1)
	go m.readHeartbeats(name, r)
}

func (m *Membership) Alive(name string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.alive[name]
}

func (m *Membership) Start() {
	m.wg.Add(1)
	go m.loop()
}

func (m *Membership) Stop() {
	close(m.stop)
	m.wg.Wait()
}

func (m *Membership) readHeartbeats(name string, r io.Reader) {
	defer m.wg.Done()
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m.mu.Lock()
		m.lastSeen[name] = time.Now()
		m.mu.Unlock()
		select {
		case <-m.stop:
			return
		default:
		}
	}
}

func (m *Membership) loop() {
	defer m.wg.Done()
	t := time.NewTicker(m.timeout / 3)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
			m.sweep()
		}
	}
}

func (m *Membership) sweep() {
	m.round++
	now := time.Now()
	m.mu.Lock()
	stale := make([]string, 0)
	for name, ts := range m.lastSeen {
		if now.Sub(ts) > m.timeout {
			stale = append(stale, name)
		} else {
			delete(m.suspect, name)
			m.alive[name] = true
		}
	}
	m.mu.Unlock()

	for _, name := range stale {
		m.suspect[name]++
		if m.suspect[name] >= 3 {
			m.mu.Lock()
			m.alive[name] = false
			m.mu.Unlock()
		}
	}
}
