// Correct: the shared Cond is broadcast for every lease change and on timeouts, but AwaitLease re-checks its own key and deadline in a for loop around Wait.
package g4_lease_waiter

import (
	"errors"
	"sync"
	"time"
)

// ErrTimeout is returned when a lease is not granted before the deadline.
var ErrTimeout = errors.New("lease: timed out waiting for grant")

// Manager hands out exclusive leases on named resources to holders.
type Manager struct {
	mu      sync.Mutex
	changed *sync.Cond
	holder  map[string]string // resource -> holder
}

// NewManager returns a manager with no leases granted.
func NewManager() *Manager {
	m := &Manager{holder: make(map[string]string)}
	m.changed = sync.NewCond(&m.mu)
	return m
}

// Grant assigns resource to who, replacing any previous holder.
func (m *Manager) Grant(resource, who string) {
	m.mu.Lock()
	m.holder[resource] = who
	m.mu.Unlock()
	m.changed.Broadcast()
}

// Revoke removes the lease on resource.
func (m *Manager) Revoke(resource string) {
	m.mu.Lock()
	delete(m.holder, resource)
	m.mu.Unlock()
	m.changed.Broadcast()
}

// AwaitLease blocks until who holds resource or timeout elapses, then runs
// fn with the lease guaranteed not to change underneath it.
func (m *Manager) AwaitLease(resource, who string, timeout time.Duration, fn func()) error {
	expired := false
	t := time.AfterFunc(timeout, func() {
		m.mu.Lock()
		expired = true
		m.mu.Unlock()
		m.changed.Broadcast()
	})
	defer t.Stop()

	m.mu.Lock()
	defer m.mu.Unlock()
	for m.holder[resource] != who {
		if expired {
			return ErrTimeout
		}
		m.changed.Wait()
	}
	fn()
	return nil
}

// Holder returns the current holder of resource, if any.
func (m *Manager) Holder(resource string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	who, ok := m.holder[resource]
	return who, ok
}
