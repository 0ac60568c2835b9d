package tunnel

import (
	"sync"
	"time"
)

type packet struct {
	kind byte
	seq  uint64
	sent time.Time
	body []byte
}

type Session struct {
	in     chan packet
	out    func(packet) error
	onAck  func(packet)
	onBody func(packet)

	inflight map[uint64]time.Time
	srtt     time.Duration
	nextSeq  uint64

	mu        sync.Mutex
	queue     [][]byte
	delivered [][]byte
	rttShown  time.Duration
	closed    bool
	kick      chan struct{}
}

func NewSession(in chan packet, out func(packet) error) *Session {
	s := &Session{
		in:       in,
		out:      out,
		inflight: make(map[uint64]time.Time),
		kick:     make(chan struct{}, 1),
	}
	s.onAck = s.handleAck
	s.onBody = s.handleBody
	go s.run()
	return s
}

func (s *Session) run() {
	for {
		select {
		case p, ok := <-s.in:
			if !ok {
				return
			}
			if p.kind == 'A' {
				s.onAck(p)
			} else {
				s.onBody(p)
			}
		case <-s.kick:
			s.flush()
		}
	}
}

func (s *Session) handleAck(p packet) {
	t0, ok := s.inflight[p.seq]
	if !ok {
		return
	}
	delete(s.inflight, p.seq)
	sample := time.Since(t0)
	if s.srtt == 0 {
		s.srtt = sample
	} else {
		s.srtt = (7*s.srtt + sample) / 8
	}
	s.mu.Lock()
	s.rttShown = s.srtt
	s.mu.Unlock()
}

func (s *Session) handleBody(p packet) {
	s.mu.Lock()
	s.delivered = append(s.delivered, p.body)
	s.mu.Unlock()
	s.out(packet{kind: 'A', seq: p.seq})
}

func (s *Session) flush() {
	s.mu.Lock()
	q := s.queue
	s.queue = nil
	s.mu.Unlock()
	for _, b := range q {
		s.nextSeq++
		now := time.Now()
		s.inflight[s.nextSeq] = now
		s.out(packet{kind: 'D', seq: s.nextSeq, sent: now, body: b})
	}
}

func (s *Session) Send(b []byte) bool {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return false
	}
	s.queue = append(s.queue, b)
	s.mu.Unlock()
	select {
	case s.kick <- struct{}{}:
	default:
	}
	return true
}

func (s *Session) RTT() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rttShown
}

func (s *Session) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
}
