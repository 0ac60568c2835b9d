package spool

import (
	"errors"
	"sync"
)

var ErrClosed = errors.New("spool: closed")

type Record struct {
	Key   string
	Value []byte
}

type Spool struct {
	mu       sync.Mutex
	notFull  *sync.Cond
	notEmpty *sync.Cond
	buf      []Record
	limit    int
	closed   bool
}

func NewSpool(limit int) *Spool {
	s := &Spool{limit: limit}
	s.notFull = sync.NewCond(&s.mu)
	s.notEmpty = sync.NewCond(&s.mu)
	return s
}

func (s *Spool) Append(r Record) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.buf) >= s.limit && !s.closed {
		s.notFull.Wait()
	}
	if s.closed {
		panic(ErrClosed)
	}
	s.buf = append(s.buf, r)
	s.notEmpty.Signal()
}

func (s *Spool) Take() (Record, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.buf) == 0 && !s.closed {
		s.notEmpty.Wait()
	}
	if len(s.buf) == 0 {
		return Record{}, ErrClosed
	}
	r := s.buf[0]
	s.buf = s.buf[1:]
	s.notFull.Signal()
	return r, nil
}

func (s *Spool) Shutdown() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.notFull.Broadcast()
	s.notEmpty.Broadcast()
}
