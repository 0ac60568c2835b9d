package testonly

import (
	"sync"
	"time"
)

// Pool's worker, once Start has run, holds queueMu while it locks
// doneMu (step). Its tests inspect the two lists in the other order.
type Pool struct {
	queueMu sync.Mutex
	queue   []string
	doneMu  sync.Mutex
	done    []string
	quit    chan struct{}
	wg      sync.WaitGroup
}

func NewPool() *Pool { return &Pool{quit: make(chan struct{})} }

func (p *Pool) Add(job string) {
	p.queueMu.Lock()
	p.queue = append(p.queue, job)
	p.queueMu.Unlock()
}

func (p *Pool) Start(every time.Duration) {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				return
			case <-t.C:
				p.step()
			}
		}
	}()
}

func (p *Pool) step() {
	p.queueMu.Lock()
	defer p.queueMu.Unlock()
	if len(p.queue) == 0 {
		return
	}
	job := p.queue[0]
	p.queue = p.queue[1:]
	p.doneMu.Lock()
	p.done = append(p.done, job)
	p.doneMu.Unlock()
}

// Shutdown joins the worker: it has ended when Shutdown returns.
func (p *Pool) Shutdown() {
	close(p.quit)
	p.wg.Wait()
}

// Halt only asks the worker to stop: it may still be in step.
func (p *Pool) Halt() { close(p.quit) }

// Meter is Pool's twin whose tests only inspect it while it is quiet.
type Meter struct {
	queueMu sync.Mutex
	queue   []string
	doneMu  sync.Mutex
	done    []string
	quit    chan struct{}
	wg      sync.WaitGroup
}

func NewMeter() *Meter { return &Meter{quit: make(chan struct{})} }

func (m *Meter) Add(job string) {
	m.queueMu.Lock()
	m.queue = append(m.queue, job)
	m.queueMu.Unlock()
}

func (m *Meter) Start(every time.Duration) {
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-m.quit:
				return
			case <-t.C:
				m.step()
			}
		}
	}()
}

func (m *Meter) step() {
	m.queueMu.Lock()
	defer m.queueMu.Unlock()
	if len(m.queue) == 0 {
		return
	}
	job := m.queue[0]
	m.queue = m.queue[1:]
	m.doneMu.Lock() // not reported: the tests take the other order only while no worker runs
	m.done = append(m.done, job)
	m.doneMu.Unlock()
}

func (m *Meter) Shutdown() {
	close(m.quit)
	m.wg.Wait()
}
