package b2_heartbeat_ticker

import (
	"errors"
	"sync"
	"time"
)

// ErrNoHeartbeat is returned when the peer has not reported in time.
var ErrNoHeartbeat = errors.New("heartbeat: peer not alive")

// Monitor watches a peer that emits periodic heartbeats.
type Monitor struct {
	beats chan time.Time
	stop  chan struct{}

	mu   sync.Mutex
	last time.Time
	once sync.Once
}

// NewMonitor starts a heartbeat emitter firing every interval.
func NewMonitor(interval time.Duration) *Monitor {
	m := &Monitor{
		beats: make(chan time.Time),
		stop:  make(chan struct{}),
	}
	go emit(interval, m.beats, m.stop)
	return m
}

// emit forwards every tick to beats until stop is closed.
func emit(interval time.Duration, beats chan<- time.Time, stop <-chan struct{}) {
	tk := time.NewTicker(interval)
	defer tk.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-tk.C:
			beats <- now
		}
	}
}

// AwaitAlive waits for the next heartbeat, up to timeout.
func (m *Monitor) AwaitAlive(timeout time.Duration) error {
	select {
	case ts := <-m.beats:
		m.mu.Lock()
		m.last = ts
		m.mu.Unlock()
		return nil
	case <-time.After(timeout):
		return ErrNoHeartbeat
	}
}

// LastSeen reports the time of the most recent heartbeat observed.
func (m *Monitor) LastSeen() time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.last
}

// Close stops the emitter and releases the heartbeat channel.
func (m *Monitor) Close() {
	m.once.Do(func() {
		close(m.stop)
		close(m.beats) // BAD: emitter loops on a ticker and may be blocked sending the next beat
	})
}
