package leases

import (
	"sync"
	"time"
)

type Manager struct {
	mu     sync.Mutex
	leases map[string]*Lease
	ttl    time.Duration
}

func NewManager(ttl time.Duration) *Manager {
	m := &Manager{leases: make(map[string]*Lease), ttl: ttl}
	go m.reaper()
	return m
}

func (m *Manager) Grant(holder string) *Lease {
	l := &Lease{holder: holder, expires: time.Now().Add(m.ttl), owner: m}
	m.mu.Lock()
	m.leases[holder] = l
	m.mu.Unlock()
	return l
}

func (m *Manager) reaper() {
	for range time.Tick(m.ttl / 2) {
		m.expireOld(time.Now())
	}
}

func (m *Manager) expireOld(now time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for holder, l := range m.leases {
		if l.expiredAt(now) {
			delete(m.leases, holder)
		}
	}
}

func (m *Manager) forget(holder string) {
	m.mu.Lock()
	delete(m.leases, holder)
	m.mu.Unlock()
}
