package logship

import (
	"bufio"
	"context"
	"io"
	"sync"
	"time"
)

type Shipper struct {
	out    *bufio.Writer
	lines  chan string
	cancel context.CancelFunc

	mu      sync.Mutex
	written int
	lastErr error
}

func NewShipper(w io.Writer, every time.Duration) *Shipper {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Shipper{
		out:    bufio.NewWriter(w),
		lines:  make(chan string, 256),
		cancel: cancel,
	}
	go s.run(ctx, every)
	return s
}

func (s *Shipper) Log(line string) {
	select {
	case s.lines <- line:
	default:
	}
}

func (s *Shipper) run(ctx context.Context, every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			s.flush()
			break
		case line := <-s.lines:
			s.out.WriteString(line)
			s.out.WriteByte('\n')
			s.mu.Lock()
			s.written++
			s.mu.Unlock()
		case <-tick.C:
			s.flush()
		}
	}
}

func (s *Shipper) flush() {
	if err := s.out.Flush(); err != nil {
		s.mu.Lock()
		s.lastErr = err
		s.mu.Unlock()
	}
}

func (s *Shipper) Written() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.written
}

func (s *Shipper) Close() error {
	s.cancel()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastErr
}
