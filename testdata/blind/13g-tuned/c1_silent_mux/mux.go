package mux

import (
	"errors"
	"io"
	"sync"
)

type frame struct {
	stream uint32
	data   []byte
	fin    bool
}

type streamState struct {
	buf  []byte
	done bool
}

type Mux struct {
	mu        sync.Mutex
	closed    bool
	openCount int
	lastErr   error

	w         io.Writer
	incoming  chan frame
	stop      chan struct{}
	streams   map[uint32]*streamState
	sendQueue [][]byte
	framesIn  int
}

func New(w io.Writer) *Mux {
	m := &Mux{
		w:        w,
		incoming: make(chan frame, 64),
		stop:     make(chan struct{}),
		streams:  make(map[uint32]*streamState),
	}
	go m.serve()
	return m
}

func (m *Mux) Deliver(f frame) error {
	m.mu.Lock()
	closed := m.closed
	m.mu.Unlock()
	if closed {
		return errors.New("mux: closed")
	}
	select {
	case m.incoming <- f:
		return nil
	case <-m.stop:
		return errors.New("mux: closed")
	}
}

func (m *Mux) OpenStreams() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.openCount
}

func (m *Mux) Err() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lastErr
}

func (m *Mux) Close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return
	}
	m.closed = true
	close(m.stop)
}

func (m *Mux) serve() {
	for {
		select {
		case f := <-m.incoming:
			m.framesIn++
			m.handleFrame(f)
			m.flushQueue()
		case <-m.stop:
			m.sendQueue = nil
			return
		}
	}
}
