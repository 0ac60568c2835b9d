// Package fix covers when replacing if by for is offered.
package fix

import "sync"

type state struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
	n     int
	log   []string
}

func (s *state) plain() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ready {
		s.log = append(s.log, "waiting")
		s.cond.Wait() // want `called under if`
	}
	return s.n
}

// An else branch: no fix.
func (s *state) withElse() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ready {
		s.cond.Wait() // want `called under if`
	} else {
		s.n++
	}
	return s.n
}

// An init statement: no fix.
func (s *state) withInit() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.ready; !r {
		s.cond.Wait() // want `called under if`
	}
	return s.n
}

// else if cannot become else for: no fix.
func (s *state) elseIf(fast bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if fast {
		return 0
	} else if !s.ready {
		s.cond.Wait() // want `called under if`
	}
	return s.n
}

// A break in the body would change its target: no fix.
func (s *state) withBreak() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := 0; i < 3; i++ {
		if !s.ready {
			s.cond.Wait() // want `called under if`
			if s.n > 0 {
				break
			}
		}
		s.n++
	}
	return s.n
}

// A break inside an inner switch keeps its target: fix.
func (s *state) innerSwitch() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ready {
		switch s.n {
		case 0:
			break
		}
		s.cond.Wait() // want `called under if`
	}
	return s.n
}

// A return in the body would end the loop: no fix.
func (s *state) withReturn() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ready {
		s.cond.Wait() // want `called under if`
		if s.n < 0 {
			return -1
		}
	}
	return s.n
}

const debug = true

// A constant condition is not the predicate: no fix.
func (s *state) constant() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if debug {
		s.cond.Wait() // want `called under if`
	}
	return s.n
}

// Labelled continue to the outer loop keeps its target: fix, and the
// loop over i stays silent as the Wait is followed by continue.
func (s *state) labelled(items []int) {
	s.mu.Lock()
	defer s.mu.Unlock()
outer:
	for _, it := range items {
		if it > s.n {
			s.cond.Wait()
			continue outer
		}
		if !s.ready {
			s.cond.Wait() // want `called under if`
			if s.n > it || !s.ready {
				continue outer
			}
		}
		s.n += it
	}
}
