// Cond.Wait on a Cond that nothing in the program signals or
// broadcasts, and near-misses that stay silent.
package cond

import "sync"

// A plugin whose activation nobody ever announces.

type plugin struct {
	activateWait *sync.Cond
	manifest     *string
}

func newPlugin() *plugin { return &plugin{activateWait: sync.NewCond(&sync.Mutex{})} }

func (p *plugin) waitActive() {
	p.activateWait.L.Lock()
	for p.manifest == nil {
		p.activateWait.Wait() // want `Cond.Wait on p.activateWait blocks forever: nothing in the package signals or broadcasts it`
	}
	p.activateWait.L.Unlock()
}

// Silent: a Cond in a local variable, which the model does not
// name by field or variable (the value sync.NewCond returns).

func localNeverWoken(ready func() bool) {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	mu.Lock()
	for !ready() {
		c.Wait()
	}
	mu.Unlock()
}

// Silent: the activation broadcasts.

type service struct {
	cond    *sync.Cond
	started bool
}

func newService() *service { return &service{cond: sync.NewCond(&sync.Mutex{})} }

func (s *service) waitStarted() {
	s.cond.L.Lock()
	for !s.started {
		s.cond.Wait()
	}
	s.cond.L.Unlock()
}

func (s *service) start() {
	s.cond.L.Lock()
	s.started = true
	s.cond.L.Unlock()
	s.cond.Broadcast()
}

// Silent: an exported Cond may be signalled by the package's users.

type Gate struct {
	Opened *sync.Cond
	open   bool
}

func (g *Gate) Wait() {
	g.Opened.L.Lock()
	for !g.open {
		g.Opened.Wait()
	}
	g.Opened.L.Unlock()
}

// Silent: the Cond is handed to another package, which may signal it.

type handoff struct {
	c    *sync.Cond
	done bool
}

func (h *handoff) run(register func(*sync.Cond)) {
	register(h.c)
	h.c.L.Lock()
	for !h.done {
		h.c.Wait()
	}
	h.c.L.Unlock()
}

var (
	_ = newPlugin
	_ = newService
)
