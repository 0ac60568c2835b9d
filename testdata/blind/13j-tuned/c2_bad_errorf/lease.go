package lease

import (
	"errors"
	"sync"
	"time"
)

// ErrHeld is returned when another owner holds the lease.
var ErrHeld = errors.New("lease: held by another owner")

// Manager hands out time-limited leases on named resources.
type Manager struct {
	mu     sync.Mutex
	owners map[string]string
	expiry map[string]time.Time
	now    func() time.Time
}

// NewManager returns an empty lease manager.
func NewManager(now func() time.Time) *Manager {
	return &Manager{owners: map[string]string{}, expiry: map[string]time.Time{}, now: now}
}

// Acquire grants the lease on name to owner for ttl.
func (m *Manager) Acquire(name, owner string, ttl time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if cur, ok := m.owners[name]; ok && cur != owner && m.now().Before(m.expiry[name]) {
		return ErrHeld
	}
	m.owners[name] = owner
	m.expiry[name] = m.now().Add(ttl)
	return nil
}

// Release drops the lease if owner holds it.
func (m *Manager) Release(name, owner string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.owners[name] != owner {
		return ErrHeld
	}
	delete(m.owners, name)
	delete(m.expiry, name)
	return nil
}
