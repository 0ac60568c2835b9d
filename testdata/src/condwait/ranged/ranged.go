// Package ranged: a Wait under if inside a loop over work items.
package ranged

import "sync"

// Slots is a pool of worker slots shared by several builders.
type Slots struct {
	mu   sync.Mutex
	cond *sync.Cond
	free []int
}

func NewSlots(n int) *Slots {
	s := &Slots{}
	s.cond = sync.NewCond(&s.mu)
	for i := 0; i < n; i++ {
		s.free = append(s.free, i)
	}
	return s
}

func (s *Slots) put(slot int) {
	s.mu.Lock()
	s.free = append(s.free, slot)
	s.mu.Unlock()
	s.cond.Broadcast()
}

// Bad: two builders woken by one put both take "the" free slot; the
// second finds free empty.
func (s *Slots) Build(targets []string, build func(string, int)) {
	for _, t := range targets {
		s.mu.Lock()
		if len(s.free) == 0 {
			s.cond.Wait() // want `sync.Cond.Wait called under if: wait in a for loop that re-checks the condition`
		}
		slot := s.free[len(s.free)-1]
		s.free = s.free[:len(s.free)-1]
		s.mu.Unlock()
		build(t, slot)
		s.put(slot)
	}
}

// Silent: the for loop re-checks after every wake-up.
func (s *Slots) BuildLoop(targets []string, build func(string, int)) {
	for _, t := range targets {
		s.mu.Lock()
		for len(s.free) == 0 {
			s.cond.Wait()
		}
		slot := s.free[len(s.free)-1]
		s.free = s.free[:len(s.free)-1]
		s.mu.Unlock()
		build(t, slot)
		s.put(slot)
	}
}

// Silent: a helper that waits once, called inside its caller's loop
// that re-checks.
func (s *Slots) park() { s.cond.Wait() } // want park:"waiter"

func (s *Slots) BuildHelper(targets []string, build func(string, int)) {
	for _, t := range targets {
		s.mu.Lock()
		for len(s.free) == 0 {
			s.park()
		}
		slot := s.free[len(s.free)-1]
		s.free = s.free[:len(s.free)-1]
		s.mu.Unlock()
		build(t, slot)
		s.put(slot)
	}
}

// Silent: a loop that breaks only once the condition holds.
func (s *Slots) take() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		if len(s.free) > 0 {
			break
		}
		s.cond.Wait()
	}
	slot := s.free[len(s.free)-1]
	s.free = s.free[:len(s.free)-1]
	return slot
}

func Start(s *Slots, targets []string, build func(string, int)) {
	for i := 0; i < 3; i++ {
		go s.Build(targets, build)
	}
}
