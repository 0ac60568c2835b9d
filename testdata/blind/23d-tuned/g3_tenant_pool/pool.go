// Correct: Submit sends under p.mu.RLock on a worker just read from p.workers; Evict and Close take it out of the map under p.mu.Lock before closing w.stop, and only then does the worker's cleanup close w.jobs.
package g3_tenant_pool

import (
	"errors"
	"sync"
)

var (
	ErrClosed = errors.New("pool closed")
	ErrBusy   = errors.New("tenant queue full")
)

type Job func()

// tenantWorker serialises jobs for one tenant.
type tenantWorker struct {
	tenant string
	jobs   chan Job
	stop   chan struct{}
	exited chan struct{}
}

func newTenantWorker(tenant string, depth int) *tenantWorker {
	w := &tenantWorker{
		tenant: tenant,
		jobs:   make(chan Job, depth),
		stop:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	go w.run()
	return w
}

func (w *tenantWorker) cleanup() {
	close(w.jobs)
	for j := range w.jobs { // finish what was queued before the stop
		j()
	}
	close(w.exited)
}

func (w *tenantWorker) run() {
	defer w.cleanup()
	for {
		select {
		case <-w.stop:
			return
		case j := <-w.jobs:
			j()
		}
	}
}

type Pool struct {
	mu      sync.RWMutex
	workers map[string]*tenantWorker
	closed  bool
	depth   int
}

func New(depth int) *Pool {
	return &Pool{workers: make(map[string]*tenantWorker), depth: depth}
}

func (p *Pool) workerFor(tenant string) (*tenantWorker, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, ErrClosed
	}
	w, ok := p.workers[tenant]
	if !ok {
		w = newTenantWorker(tenant, p.depth)
		p.workers[tenant] = w
	}
	return w, nil
}

// Submit queues j for tenant, creating its worker on first use.
func (p *Pool) Submit(tenant string, j Job) error {
	if _, err := p.workerFor(tenant); err != nil {
		return err
	}
	p.mu.RLock()
	defer p.mu.RUnlock()
	w, ok := p.workers[tenant]
	if !ok {
		return ErrClosed // evicted or closed in between
	}
	select {
	case w.jobs <- j:
		return nil
	default:
		return ErrBusy
	}
}

// Evict drops one tenant's worker.
func (p *Pool) Evict(tenant string) {
	p.mu.Lock()
	w, ok := p.workers[tenant]
	delete(p.workers, tenant)
	p.mu.Unlock()
	if ok {
		close(w.stop)
		<-w.exited
	}
}

// Close stops every worker and rejects further submissions.
func (p *Pool) Close() {
	p.mu.Lock()
	old := p.workers
	p.workers = make(map[string]*tenantWorker)
	p.closed = true
	p.mu.Unlock()
	for _, w := range old {
		close(w.stop)
	}
	for _, w := range old {
		<-w.exited
	}
}
