package ordered

import (
	"sync"
	"time"
)

// EvictPool's evictor goroutine is the only writer of evictionIterator while it
// runs; StartEvictor resets the field under the lock only after it has
// stopped the old evictor and waited for it. Silent.
type EvictPool struct {
	items []int

	evictionLock     sync.Mutex
	evictor          *time.Ticker
	evictorStopChan  chan struct{}
	evictorStopWG    sync.WaitGroup
	evictionIterator *int
}

func (p *EvictPool) StartEvictor(delay time.Duration) {
	p.evictionLock.Lock()
	defer p.evictionLock.Unlock()
	if p.evictor != nil {
		p.evictor.Stop()
		close(p.evictorStopChan)
		p.evictorStopWG.Wait()
		p.evictor = nil
		p.evictionIterator = nil
	}
	if delay > 0 {
		p.evictor = time.NewTicker(delay)
		p.evictorStopChan = make(chan struct{})
		p.evictorStopWG = sync.WaitGroup{}
		p.evictorStopWG.Add(1)
		go func() {
			for {
				select {
				case <-p.evictor.C:
					p.evict()
				case <-p.evictorStopChan:
					p.evictorStopWG.Done()
					return
				}
			}
		}()
	}
}

func (p *EvictPool) evict() {
	for i := 0; i < 3; i++ {
		if p.evictionIterator == nil {
			v := i
			p.evictionIterator = &v
		}
	}
}

// Sweeper resets its cursor under the lock without waiting for the old
// sweeper: the two runs overlap.
type Sweeper struct {
	items []int

	mu     sync.Mutex
	stop   chan struct{}
	cursor *int
}

func (s *Sweeper) Start(delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stop != nil {
		close(s.stop)
		s.cursor = nil
	}
	s.stop = make(chan struct{})
	stop := s.stop
	go func() {
		t := time.NewTicker(delay)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				s.sweep()
			case <-stop:
				return
			}
		}
	}()
}

func (s *Sweeper) sweep() {
	for i := 0; i < 3; i++ {
		if s.cursor == nil {
			v := i
			s.cursor = &v // want `write to s.cursor without holding s.mu, declared after it in the struct and held elsewhere to access it`
		}
	}
}
