// Package testend: a path that ends in a test helper that calls
// t.Fatal never returns, so it cannot return with the lock held.
package testend

import (
	"errors"
	"sync"
	"testing"
)

type store struct {
	mu sync.Mutex
	n  int
}

func (s *store) load() error { return errors.New("x") }

func mustNoErr(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

func report(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Error(err)
	}
}

// The helper ends the test on the error path: the return after it
// never runs.
func (s *store) get(t *testing.T) int {
	s.mu.Lock()
	if err := s.load(); err != nil {
		mustNoErr(t, err)
		return 0
	}
	n := s.n
	s.mu.Unlock()
	return n
}

// This helper only reports: the return runs with s.mu held.
func (s *store) peek(t *testing.T) int {
	s.mu.Lock()
	if err := s.load(); err != nil {
		report(t, err)
		return 0 // want `return with s.mu still locked`
	}
	n := s.n
	s.mu.Unlock()
	return n
}
