// Correct: Submit enqueues through withWorker, which holds m.mu.RLock for the lookup and the send; Evict deletes under m.mu.Lock before Stop, and the worker closes jobs only on exit.
package g2_tenant_worker_submit

import (
	"errors"
	"sync"
)

var (
	ErrUnknownTenant = errors.New("workers: unknown tenant")
	ErrQueueFull     = errors.New("workers: queue full")
)

type Job func() error

type worker struct {
	tenant string
	jobs   chan Job
	quit   chan struct{}
	wg     sync.WaitGroup
	failed int
}

func newWorker(tenant string, depth int) *worker {
	w := &worker{tenant: tenant, jobs: make(chan Job, depth), quit: make(chan struct{})}
	w.wg.Add(1)
	go w.run()
	return w
}

func (w *worker) run() {
	defer w.wg.Done()
	defer close(w.jobs)
	for {
		select {
		case <-w.quit:
			return
		case j := <-w.jobs:
			if err := j(); err != nil {
				w.failed++
			}
		}
	}
}

func (w *worker) enqueue(j Job) error {
	select {
	case w.jobs <- j:
		return nil
	default:
		return ErrQueueFull
	}
}

func (w *worker) Stop() {
	close(w.quit)
	w.wg.Wait()
}

type Manager struct {
	mu      sync.RWMutex
	workers map[string]*worker
	depth   int
}

func NewManager(depth int) *Manager {
	return &Manager{workers: make(map[string]*worker), depth: depth}
}

func (m *Manager) Ensure(tenant string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.workers[tenant]; !ok {
		m.workers[tenant] = newWorker(tenant, m.depth)
	}
}

// withWorker runs fn on the tenant's worker while the registry read lock is held.
func (m *Manager) withWorker(tenant string, fn func(*worker) error) error {
	m.mu.RLock()
	defer m.mu.RUnlock()
	w, ok := m.workers[tenant]
	if !ok {
		return ErrUnknownTenant
	}
	return fn(w)
}

func (m *Manager) Submit(tenant string, j Job) error {
	return m.withWorker(tenant, func(w *worker) error {
		return w.enqueue(j)
	})
}

func (m *Manager) detach(tenant string) *worker {
	m.mu.Lock()
	defer m.mu.Unlock()
	w := m.workers[tenant]
	delete(m.workers, tenant)
	return w
}

// Evict removes the tenant's worker from the registry, then stops it.
func (m *Manager) Evict(tenant string) {
	if w := m.detach(tenant); w != nil {
		w.Stop()
	}
}
