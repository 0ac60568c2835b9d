// Class 3, SILENT: bump assigns a fresh make(chan struct{}) to m.expired before it closes it, so Revoke's two bump calls (and every Tick) each close a channel of their own; nothing is closed twice.
package c3_silent_epochsignal

import (
	"sync"
	"time"
)

// Membership tracks lease epochs; a closed expired channel means "this epoch is over".
type Membership struct {
	mu      sync.Mutex
	epoch   uint64
	expired chan struct{}
	waiters []chan<- uint64
	ttl     time.Duration
}

func NewMembership(ttl time.Duration) *Membership {
	return &Membership{expired: make(chan struct{}), ttl: ttl}
}

// bump ends the current epoch: it records the new epoch's marker, notifies
// registered waiters, and marks the marker finished. Caller holds m.mu.
func (m *Membership) bump() {
	m.epoch++
	m.expired = make(chan struct{})
	for _, w := range m.waiters {
		select {
		case w <- m.epoch:
		default:
		}
	}
	m.waiters = nil
	close(m.expired)
}

func (m *Membership) Watch(ch chan<- uint64) {
	m.mu.Lock()
	m.waiters = append(m.waiters, ch)
	m.mu.Unlock()
}

// Revoke ends the epoch twice: once for the revocation and once for the
// forced re-election that follows.
func (m *Membership) Revoke() uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.bump()
	m.bump()
	return m.epoch
}

func (m *Membership) Tick() {
	m.mu.Lock()
	m.bump()
	m.mu.Unlock()
}

func (m *Membership) Expired() <-chan struct{} {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.expired
}
