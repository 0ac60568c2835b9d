package session

import (
	"errors"
	"sync"
	"time"
)

var errClosed = errors.New("session closed")

type segment struct {
	seq     uint32
	payload []byte
	sentAt  time.Time
}

type Session struct {
	mu      sync.Mutex
	closed  bool
	lastErr error

	outbox     chan []byte
	acks       chan uint32
	quit       chan struct{}
	nextSeq    uint32
	unacked    []segment
	resent     int
	transmitFn func(segment) error
}

func New(transmit func(segment) error) *Session {
	s := &Session{
		outbox:     make(chan []byte, 32),
		acks:       make(chan uint32, 32),
		quit:       make(chan struct{}),
		transmitFn: transmit,
	}
	go s.run()
	return s
}

func (s *Session) Send(p []byte) error {
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return errClosed
	}
	select {
	case s.outbox <- p:
		return nil
	case <-s.quit:
		return errClosed
	}
}

func (s *Session) Ack(seq uint32) {
	select {
	case s.acks <- seq:
	case <-s.quit:
	}
}

func (s *Session) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastErr
}

func (s *Session) Reset() {
	s.unacked = nil
	s.mu.Lock()
	s.lastErr = nil
	s.mu.Unlock()
}

func (s *Session) Close() {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.quit)
	}
	s.mu.Unlock()
}

func (s *Session) run() {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case p := <-s.outbox:
			seg := segment{seq: s.nextSeq, payload: p, sentAt: time.Now()}
			s.nextSeq++
			s.unacked = append(s.unacked, seg)
			s.transmit(seg)
		case seq := <-s.acks:
			s.dropAcked(seq)
		case now := <-tick.C:
			s.retransmitOld(now)
		case <-s.quit:
			return
		}
	}
}

func (s *Session) dropAcked(seq uint32) {
	kept := s.unacked[:0]
	for _, seg := range s.unacked {
		if seg.seq > seq {
			kept = append(kept, seg)
		}
	}
	s.unacked = kept
}

func (s *Session) retransmitOld(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.unacked {
		if now.Sub(s.unacked[i].sentAt) > time.Second {
			s.unacked[i].sentAt = now
			s.resent++
			if err := s.transmitFn(s.unacked[i]); err != nil {
				s.lastErr = err
			}
		}
	}
}

func (s *Session) transmit(seg segment) {
	if err := s.transmitFn(seg); err != nil {
		s.mu.Lock()
		s.lastErr = err
		s.mu.Unlock()
	}
}
