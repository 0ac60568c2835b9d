package logship

import (
	"sync"
	"time"
)

type Shipper struct {
	mu     sync.Mutex
	buf    []string
	closed bool

	out  *sink
	stop chan struct{}
	wg   sync.WaitGroup
}

func NewShipper(out *sink, workers int, every time.Duration) *Shipper {
	s := &Shipper{out: out, stop: make(chan struct{})}
	for i := 0; i < workers; i++ {
		s.wg.Add(1)
		go s.loop(every)
	}
	return s
}

func (s *Shipper) Append(line string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.buf = append(s.buf, line)
	return true
}

func (s *Shipper) takeBatch(max int) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(s.buf)
	if n > max {
		n = max
	}
	batch := append([]string(nil), s.buf[:n]...)
	s.buf = s.buf[n:]
	return batch
}

func (s *Shipper) loop(every time.Duration) {
	defer s.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			s.out.mu.Lock()
			batch := s.takeBatch(256)
			s.out.writeLocked(batch)
			s.out.mu.Unlock()
		}
	}
}

func (s *Shipper) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	s.mu.Unlock()

	close(s.stop)
	s.wg.Wait()

	s.mu.Lock()
	defer s.mu.Unlock()
	s.out.write(s.buf)
	s.buf = nil
}
