package a

import (
	"crypto/rand"
	"errors"
	"sync"
)

// Near-misses from nats-server: helpers that run with their caller's
// lock held and release it around a slow call, then take it back.

type Server struct {
	mu       sync.Mutex
	accounts map[string]int
	sys      string
	gen      int
}

// Called with s.mu held; it gives the lock up to resolve the system
// account, and hands it back held on every path.
func (s *Server) configure(lookup func(string) (int, error)) error {
	if s.sys != "" {
		s.mu.Unlock()
		_, err := lookup(s.sys)
		s.mu.Lock()
		if err != nil {
			return err
		}
	}
	for name := range s.accounts {
		s.mu.Unlock()
		_, _ = lookup(name)
		s.mu.Lock()
	}
	s.gen++
	return nil
}

func (s *Server) Configure(lookup func(string) (int, error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.configure(lookup)
}

// The same, with the receiver captured by a function literal.
func (s *Server) reload(lookup func(string) (int, error)) {
	each := func(name string) { s.accounts[name]++ }
	if s.sys != "" {
		s.mu.Unlock()
		_, _ = lookup(s.sys)
		s.mu.Lock()
	}
	each(s.sys)
}

func (s *Server) Reload(lookup func(string) (int, error)) {
	s.mu.Lock()
	s.reload(lookup)
	s.mu.Unlock()
}

// Unlocking another type's mutex that is not known to be held does not
// make the function lose track of its own.
type part struct {
	mu sync.Mutex
	n  int
}

type Table struct {
	mu    sync.Mutex
	parts []*part
	dirty int
}

func (t *Table) Sweep() error {
	t.mu.Lock()
	for _, p := range t.parts {
		p.mu.Lock()
	}
	for _, p := range t.parts {
		p.n = 0
		p.mu.Unlock()
	}
	if t.dirty > 10 {
		t.mu.Unlock()
		return errDup
	}
	t.dirty++
	t.mu.Unlock()
	return nil
}

// A bad case from the same code: the error path of rand.Read leaves
// the lock held, while the neighbouring error path unlocks it.
type State struct {
	mu    sync.Mutex
	nonce []byte
}

func (st *State) Seal(setup func() error) error {
	st.mu.Lock()
	if err := setup(); err != nil {
		st.mu.Unlock()
		return err
	}
	nonce := make([]byte, 12)
	if n, err := rand.Read(nonce); err != nil {
		return err // want `return with st.mu still locked: other paths unlock it`
	} else if n != len(nonce) {
		return errors.New("short") // want `return with st.mu still locked: other paths unlock it`
	}
	st.nonce = nonce
	st.mu.Unlock()
	return nil
}
