// Package mux implements a framed stream over a shared session.
package mux

import (
	"errors"
	"sync"
)

var ErrStreamClosed = errors.New("mux: stream closed")

type frame struct {
	id   uint32
	data []byte
}

type Stream struct {
	id        uint32
	mu        sync.Mutex
	writeList [][]byte
	pending   int
	closed    bool
	out       chan<- frame
	notify    chan struct{}
}

func newStream(id uint32, out chan<- frame) *Stream {
	return &Stream{id: id, out: out, notify: make(chan struct{}, 1)}
}

func (s *Stream) Write(p []byte) (int, error) {
	b := append([]byte(nil), p...)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return 0, ErrStreamClosed
	}
	s.writeList = append(s.writeList, b)
	s.pending += len(b)
	s.mu.Unlock()
	select {
	case s.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

// pump moves queued chunks to the session until the stream closes.
func (s *Stream) pump() {
	for range s.notify {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return
		}
		list := s.writeList
		s.writeList = nil
		s.pending = 0
		s.mu.Unlock()
		for _, b := range list {
			s.out <- frame{id: s.id, data: b}
		}
	}
}

func (s *Stream) Close() error {
	s.writeList = nil

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	close(s.notify)
	return nil
}

type Session struct {
	out     chan frame
	streams []*Stream
}

func (sess *Session) Open(id uint32) *Stream {
	st := newStream(id, sess.out)
	sess.streams = append(sess.streams, st)
	go st.pump()
	return st
}
