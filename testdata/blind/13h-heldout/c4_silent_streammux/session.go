package mux

import (
	"encoding/binary"
	"io"
	"sync"
)

type Session struct {
	rw       io.ReadWriter
	handlers [numKinds]func(frame)

	sendWindow uint32
	lastStream uint32
	resets     int

	mu      sync.Mutex
	streams map[uint32]chan []byte
	closed  bool
	err     error
}

func NewSession(rw io.ReadWriter) *Session {
	s := &Session{rw: rw, sendWindow: 65535, streams: make(map[uint32]chan []byte)}
	s.handlers[kindData] = s.onData
	s.handlers[kindWindow] = s.onWindow
	s.handlers[kindReset] = func(f frame) {
		s.resets++
		s.mu.Lock()
		if ch, ok := s.streams[f.stream]; ok {
			close(ch)
			delete(s.streams, f.stream)
		}
		s.mu.Unlock()
	}
	go s.recvLoop()
	return s
}

func (s *Session) recvLoop() {
	for {
		f, err := readFrame(s.rw)
		if err != nil {
			s.mu.Lock()
			s.err, s.closed = err, true
			s.mu.Unlock()
			return
		}
		if f.kind < numKinds {
			s.handlers[f.kind](f)
		}
	}
}

func (s *Session) onData(f frame) {
	s.lastStream = f.stream
	s.mu.Lock()
	ch := s.streams[f.stream]
	s.mu.Unlock()
	if ch != nil {
		select {
		case ch <- f.body:
		default:
		}
	}
}

func (s *Session) onWindow(f frame) {
	if len(f.body) == 4 {
		s.sendWindow += binary.BigEndian.Uint32(f.body)
	}
}

// Open registers a stream and returns the channel its data arrives on.
func (s *Session) Open(id uint32) (<-chan []byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, s.err
	}
	ch := make(chan []byte, 16)
	s.streams[id] = ch
	return ch, nil
}

func (s *Session) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}
