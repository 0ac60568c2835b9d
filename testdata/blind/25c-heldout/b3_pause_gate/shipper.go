package b3_pause_gate

import (
	"io"
	"sync"
)

// Segment is a chunk of the write-ahead log to be shipped to a follower.
type Segment struct {
	Seq  uint64
	Data []byte
}

// Shipper streams WAL segments to a follower. Shipping must be held off
// while the local log is being compacted, which may happen repeatedly.
type Shipper struct {
	mu         sync.Mutex
	resumed    *sync.Cond
	compacting bool
	shipped    uint64
	out        io.Writer
}

// NewShipper writes segments to out.
func NewShipper(out io.Writer) *Shipper {
	s := &Shipper{out: out}
	s.resumed = sync.NewCond(&s.mu)
	return s
}

// BeginCompaction blocks new shipments until EndCompaction is called.
func (s *Shipper) BeginCompaction() {
	s.mu.Lock()
	s.compacting = true
	s.mu.Unlock()
}

// EndCompaction lets shipping continue.
func (s *Shipper) EndCompaction() {
	s.mu.Lock()
	s.compacting = false
	s.mu.Unlock()
	s.resumed.Broadcast()
}

// Ship writes one segment, waiting out any compaction in progress. The
// write happens under the lock so that compaction cannot start mid-write.
func (s *Shipper) Ship(seg Segment) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.compacting {
		s.resumed.Wait() // BAD: a new BeginCompaction can set compacting again before this goroutine re-acquires the lock
	}
	if _, err := s.out.Write(seg.Data); err != nil {
		return err
	}
	s.shipped = seg.Seq
	return nil
}

// Shipped returns the sequence number of the last shipped segment.
func (s *Shipper) Shipped() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shipped
}

// CompactLoop runs compact every time tick fires, holding shipping off
// for the duration of each run.
func (s *Shipper) CompactLoop(tick <-chan struct{}, compact func()) {
	for range tick {
		s.BeginCompaction()
		compact()
		s.EndCompaction()
	}
}
