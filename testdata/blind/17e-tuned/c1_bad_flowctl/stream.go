package flowctl

import (
	"errors"
	"sync"
)

type Frame struct {
	StreamID int
	Payload  []byte
	Last     bool
}

type Stream struct {
	id    int
	queue chan Frame
}

func newStream(id int) *Stream {
	return &Stream{id: id, queue: make(chan Frame, 4)}
}

func (s *Stream) deliver(f Frame) {
	s.queue <- f
}

func (s *Stream) Recv() Frame {
	return <-s.queue
}

type Handler func(s *Stream) error

type Mux struct {
	mu      sync.Mutex
	streams map[int]*Stream
	handler Handler
}

func NewMux(h Handler) *Mux {
	return &Mux{streams: make(map[int]*Stream), handler: h}
}

func (m *Mux) lookup(id int) *Stream {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.streams[id]
	if !ok {
		s = newStream(id)
		m.streams[id] = s
		go m.serve(s)
	}
	return s
}

func (m *Mux) serve(s *Stream) {
	_ = m.handler(s)
}

func (m *Mux) forget(id int) {
	m.mu.Lock()
	delete(m.streams, id)
	m.mu.Unlock()
}

func (m *Mux) ReadLoop(in <-chan Frame) {
	for f := range in {
		s := m.lookup(f.StreamID)
		s.deliver(f)
		if f.Last {
			m.forget(f.StreamID)
		}
	}
}

var errBadHeader = errors.New("flowctl: bad header")

func HeaderOnly(s *Stream) error {
	first := s.Recv()
	if len(first.Payload) < 2 {
		return errBadHeader
	}
	for {
		f := s.Recv()
		if f.Last {
			return nil
		}
	}
}
