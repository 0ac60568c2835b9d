// Class 1, BAD: begin returns errReadOnly with s.mu still locked and the caller (Put) just returns the error, so the next Put/Get blocks forever on s.mu.
package c1_bad_txbegin

import (
	"errors"
	"sync"
)

var errReadOnly = errors.New("store: read-only")

type Store struct {
	mu       sync.Mutex
	readOnly bool
	data     map[string][]byte
}

func NewStore() *Store { return &Store{data: make(map[string][]byte)} }

// txn is a write transaction; it owns s.mu until done is called.
type txn struct {
	s    *Store
	done func()
}

func (s *Store) begin(write bool) (*txn, error) {
	s.mu.Lock()
	if write && s.readOnly {
		return nil, errReadOnly // WANT lockleak
	}
	return &txn{s: s, done: s.mu.Unlock}, nil
}

func (s *Store) Put(k string, v []byte) error {
	t, err := s.begin(true)
	if err != nil {
		return err
	}
	defer t.done()
	t.s.data[k] = v
	return nil
}

func (s *Store) Get(k string) ([]byte, bool) {
	t, err := s.begin(false)
	if err != nil {
		return nil, false
	}
	defer t.done()
	v, ok := t.s.data[k]
	return v, ok
}

func (s *Store) SetReadOnly(ro bool) {
	s.mu.Lock()
	s.readOnly = ro
	s.mu.Unlock()
}
