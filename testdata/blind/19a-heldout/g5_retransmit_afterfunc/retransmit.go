// Correct: the AfterFunc callback, Ack and the send loop all take s.mu around every heap operation; the loop only does I/O after unlocking, on the popped packet.
package g5_retransmit_afterfunc

import (
	"container/heap"
	"sync"
	"time"
)

type packet struct {
	seq   uint32
	data  []byte
	sends int
	index int
}

type bySeq []*packet

func (q bySeq) Len() int           { return len(q) }
func (q bySeq) Less(i, j int) bool { return q[i].seq < q[j].seq }
func (q bySeq) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index, q[j].index = i, j
}
func (q *bySeq) Push(x any) {
	p := x.(*packet)
	p.index = len(*q)
	*q = append(*q, p)
}
func (q *bySeq) Pop() any {
	old := *q
	p := old[len(old)-1]
	*q = old[:len(old)-1]
	p.index = -1
	return p
}

// Sender transmits packets in sequence order and retransmits until acked.
type Sender struct {
	mu       sync.Mutex
	cond     *sync.Cond
	ready    bySeq
	inflight map[uint32]*packet
	rto      time.Duration
	write    func(seq uint32, b []byte) error
	closed   bool
}

func NewSender(rto time.Duration, write func(uint32, []byte) error) *Sender {
	s := &Sender{rto: rto, write: write, inflight: map[uint32]*packet{}}
	s.cond = sync.NewCond(&s.mu)
	go s.loop()
	return s
}

func (s *Sender) Send(seq uint32, b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := &packet{seq: seq, data: b}
	s.inflight[seq] = p
	heap.Push(&s.ready, p)
	s.cond.Signal()
}

func (s *Sender) Ack(seq uint32) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.inflight[seq]
	if !ok {
		return
	}
	delete(s.inflight, seq)
	if p.index >= 0 {
		heap.Remove(&s.ready, p.index)
	}
}

func (s *Sender) armRetransmit(p *packet) {
	time.AfterFunc(s.rto, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.closed || s.inflight[p.seq] != p || p.index >= 0 {
			return
		}
		heap.Push(&s.ready, p)
		s.cond.Signal()
	})
}

func (s *Sender) loop() {
	for {
		s.mu.Lock()
		for len(s.ready) == 0 && !s.closed {
			s.cond.Wait()
		}
		if s.closed {
			s.mu.Unlock()
			return
		}
		p := heap.Pop(&s.ready).(*packet)
		p.sends++
		s.mu.Unlock()

		_ = s.write(p.seq, p.data)
		s.armRetransmit(p)
	}
}

func (s *Sender) Close() {
	s.mu.Lock()
	s.closed = true
	s.ready = nil
	s.cond.Broadcast()
	s.mu.Unlock()
}
