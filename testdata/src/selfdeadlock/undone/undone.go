// WaitGroup.Wait on a WaitGroup the package counts up and never counts
// down, and near-misses that stay silent.
package undone

import (
	"sync"
	"sync/atomic"
)

// A stopper whose tasks are counted in but never out: the first
// StartTask makes Stop's drain.Wait block forever.

type stopper struct {
	mu       sync.Mutex
	draining int32
	drain    sync.WaitGroup
}

func (s *stopper) StartTask() bool {
	if atomic.LoadInt32(&s.draining) == 0 {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.drain.Add(1)
		return true
	}
	return false
}

func (s *stopper) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	atomic.StoreInt32(&s.draining, 1)
	s.drain.Wait() // want `WaitGroup.Wait on s.drain blocks forever once it is counted up: nothing in the package calls Done on it`
}

// A local WaitGroup counted for a goroutine that forgets its Done.

func forgetful(work func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		work()
	}()
	wg.Wait() // want `WaitGroup.Wait on wg blocks forever once it is counted up: nothing in the package calls Done on it`
}

// Silent: the tasks finish.

type pool struct {
	tasks sync.WaitGroup
}

func (p *pool) start(work func()) {
	p.tasks.Add(1)
	go func() {
		defer p.tasks.Done()
		work()
	}()
}

func (p *pool) wait() { p.tasks.Wait() }

// Silent: counted down by Add(-1).

type batch struct {
	pending sync.WaitGroup
}

func (b *batch) begin()  { b.pending.Add(2) }
func (b *batch) finish() { b.pending.Add(-1) }
func (b *batch) wait()   { b.pending.Wait() }

// Silent: counted down by a delta the model cannot read.

type flexible struct {
	wg sync.WaitGroup
}

func (f *flexible) adjust(n int) { f.wg.Add(n) }
func (f *flexible) up()          { f.wg.Add(1) }
func (f *flexible) wait()        { f.wg.Wait() }

// Silent: an exported WaitGroup may be counted down by the package's
// users.

type Server struct {
	Conns sync.WaitGroup
}

func (s *Server) Track()    { s.Conns.Add(1) }
func (s *Server) Shutdown() { s.Conns.Wait() }

// Silent: the WaitGroup is handed to another package's code.

type handoff struct {
	wg sync.WaitGroup
}

func (h *handoff) run(start func(*sync.WaitGroup)) {
	h.wg.Add(1)
	start(&h.wg)
	h.wg.Wait()
}

// Silent: never counted up, Wait returns at once.

type idle struct {
	wg sync.WaitGroup
}

func (i *idle) wait() { i.wg.Wait() }

// Silent: counted down by WaitGroup.Go's implicit Done.

type group struct {
	wg sync.WaitGroup
}

func (g *group) spawn(f func()) {
	g.wg.Add(1)
	g.wg.Go(f)
}

func (g *group) wait() { g.wg.Wait() }
