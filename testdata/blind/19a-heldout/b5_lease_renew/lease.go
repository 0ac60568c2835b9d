package b5_lease_renew

import (
	"container/heap"
	"sync"
	"time"
)

type lease struct {
	holder   string
	deadline time.Time
	index    int
}

type leaseHeap []*lease

func (h leaseHeap) Len() int           { return len(h) }
func (h leaseHeap) Less(i, j int) bool { return h[i].deadline.Before(h[j].deadline) }
func (h leaseHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *leaseHeap) Push(x any) {
	l := x.(*lease)
	l.index = len(*h)
	*h = append(*h, l)
}
func (h *leaseHeap) Pop() any {
	old := *h
	l := old[len(old)-1]
	*h = old[:len(old)-1]
	l.index = -1
	return l
}

// Manager hands out named leases that expire unless renewed.
type Manager struct {
	mu      sync.Mutex
	ttl     time.Duration
	leases  map[string]*lease
	q       leaseHeap
	expired func(holder string)
	stop    chan struct{}
}

func NewManager(ttl time.Duration, expired func(string)) *Manager {
	m := &Manager{ttl: ttl, leases: map[string]*lease{}, expired: expired, stop: make(chan struct{})}
	go m.expiryLoop()
	return m
}

func (m *Manager) Acquire(holder string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, taken := m.leases[holder]; taken {
		return false
	}
	l := &lease{holder: holder, deadline: time.Now().Add(m.ttl)}
	m.leases[holder] = l
	heap.Push(&m.q, l)
	return true
}

func (m *Manager) Renew(holder string) bool {
	m.mu.Lock()
	l, ok := m.leases[holder]
	if ok {
		l.deadline = time.Now().Add(m.ttl)
	}
	m.mu.Unlock()
	if !ok {
		return false
	}
	heap.Fix(&m.q, l.index) // BAD: heap reordered after m.mu was released; expiryLoop pops under the lock
	return true
}

func (m *Manager) expiryLoop() {
	tick := time.NewTicker(m.ttl / 2)
	defer tick.Stop()
	for {
		select {
		case <-m.stop:
			return
		case now := <-tick.C:
			var gone []string
			m.mu.Lock()
			for len(m.q) > 0 && !m.q[0].deadline.After(now) {
				l := heap.Pop(&m.q).(*lease)
				delete(m.leases, l.holder)
				gone = append(gone, l.holder)
			}
			m.mu.Unlock()
			for _, h := range gone {
				m.expired(h)
			}
		}
	}
}

func (m *Manager) Close() { close(m.stop) }
