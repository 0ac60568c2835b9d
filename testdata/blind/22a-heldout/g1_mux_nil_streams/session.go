// Correct: streams=nil and closeErr are set once in the same critical section; OpenStream reads closeErr only after allocate() saw streams==nil under s.mu.
package g1_mux_nil_streams

import (
	"encoding/binary"
	"errors"
	"io"
	"sync"
)

var ErrSessionShutdown = errors.New("mux: session shutdown")

type Stream struct {
	id   uint32
	sess *Session
	recv chan []byte
}

func (st *Stream) Recv() ([]byte, bool) {
	b, ok := <-st.recv
	return b, ok
}

// Session multiplexes logical streams over one io.ReadWriteCloser.
type Session struct {
	rwc io.ReadWriteCloser

	mu       sync.Mutex
	nextID   uint32
	streams  map[uint32]*Stream // nil after the session died
	closeErr error              // set exactly once, together with streams=nil
}

func NewSession(rwc io.ReadWriteCloser) *Session {
	s := &Session{rwc: rwc, nextID: 1, streams: make(map[uint32]*Stream)}
	go s.recvLoop()
	return s
}

func (s *Session) recvLoop() {
	var hdr [8]byte
	for {
		if _, err := io.ReadFull(s.rwc, hdr[:]); err != nil {
			s.exit(err)
			return
		}
		id := binary.BigEndian.Uint32(hdr[0:4])
		body := make([]byte, binary.BigEndian.Uint32(hdr[4:8]))
		if _, err := io.ReadFull(s.rwc, body); err != nil {
			s.exit(err)
			return
		}
		s.mu.Lock()
		if st := s.streams[id]; st != nil {
			select {
			case st.recv <- body:
			default: // slow consumer: drop the frame
			}
		}
		s.mu.Unlock()
	}
}

// exit is the only writer of closeErr.
func (s *Session) exit(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.streams == nil {
		return
	}
	s.closeErr = err
	for _, st := range s.streams {
		close(st.recv)
	}
	s.streams = nil
}

// allocate returns nil when the session is gone.
func (s *Session) allocate() *Stream {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.streams == nil {
		return nil
	}
	st := &Stream{id: s.nextID, sess: s, recv: make(chan []byte, 16)}
	s.nextID += 2
	s.streams[st.id] = st
	return st
}

func (s *Session) OpenStream() (*Stream, error) {
	st := s.allocate()
	if st == nil {
		return nil, s.closeErr
	}
	return st, nil
}

func (s *Session) Close() error {
	s.exit(ErrSessionShutdown)
	return s.rwc.Close()
}
