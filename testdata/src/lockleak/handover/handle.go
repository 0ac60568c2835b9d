package handover

import (
	"errors"
	"sync"
)

type Engine struct {
	writer  sync.Mutex
	remap   sync.RWMutex
	open    bool
	pending []*Session
}

// Session holds the store's writer lock, or a read lock on remap, from
// Begin until Commit or Rollback.
type Session struct {
	db       *Engine
	writable bool
}

func (t *Session) init(s *Engine) { t.db = s }

// BeginWrite returns the transaction with the writer lock held on
// purpose: only one writer at a time, released when the transaction
// ends.
func (s *Engine) BeginWrite() (*Session, error) {
	s.writer.Lock()
	if !s.open {
		s.writer.Unlock()
		return nil, errors.New("closed")
	}
	t := &Session{writable: true}
	t.init(s)
	return t, nil
}

// BeginRead keeps remap read-locked for the transaction's life.
func (s *Engine) BeginRead() (*Session, error) {
	s.remap.RLock()
	if !s.open {
		s.remap.RUnlock()
		return nil, errors.New("closed")
	}
	t := &Session{}
	t.init(s)
	s.pending = append(s.pending, t)
	return t, nil
}

func (s *Engine) drop(t *Session) {
	s.remap.RUnlock()
	for i, p := range s.pending {
		if p == t {
			s.pending = append(s.pending[:i], s.pending[i+1:]...)
			break
		}
	}
}

func (t *Session) Commit() error {
	if t.writable {
		t.db.writer.Unlock()
		return nil
	}
	t.db.drop(t)
	return nil
}

func (t *Session) Rollback() {
	if t.writable {
		t.db.writer.Unlock()
		return
	}
	t.db.drop(t)
}

// Iter has the store too, but none of its methods releases the
// writer lock: returning it with the lock held is a leak.
type Iter struct {
	db  *Engine
	pos int
}

func (c *Iter) Next() bool { c.pos++; return c.pos < len(c.db.pending) }

func (s *Engine) Scan() (*Iter, error) {
	s.writer.Lock()
	if !s.open {
		s.writer.Unlock()
		return nil, errors.New("closed")
	}
	return &Iter{db: s}, nil // want `return with s.writer still locked: other paths unlock it`
}
