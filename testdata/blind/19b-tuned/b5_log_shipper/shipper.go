package b5_log_shipper

import (
	"sync"
	"time"
)

type Sink interface {
	Write(lines []string) error
}

type Stats struct {
	Shipped int
	Dropped int
	Failed  int
}

// Shipper batches log lines and ships them to a Sink from a single goroutine.
type Shipper struct {
	sink Sink
	in   chan string

	mu      sync.Mutex
	stats   Stats
	running bool

	// owned by loop
	batch    []string
	attempts int

	stop chan struct{}
	wg   sync.WaitGroup
}

func NewShipper(sink Sink) *Shipper {
	return &Shipper{sink: sink, in: make(chan string, 256), stop: make(chan struct{})}
}

func (s *Shipper) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

func (s *Shipper) Log(line string) {
	select {
	case s.in <- line:
	default:
		s.mu.Lock()
		s.stats.Dropped++
		s.mu.Unlock()
	}
}

// Discard throws away whatever is buffered, e.g. after a sink reconfiguration.
func (s *Shipper) Discard() {
	s.batch = nil // BAD: exported method (caller goroutine) replaces loop-owned batch without s.mu while loop appends to it
	s.mu.Lock()
	s.stats.Dropped++
	s.mu.Unlock()
}

func (s *Shipper) Start() {
	s.mu.Lock()
	s.running = true
	s.mu.Unlock()
	s.wg.Add(1)
	go s.loop()
}

func (s *Shipper) Stop() {
	close(s.stop)
	s.wg.Wait()
	s.mu.Lock()
	s.running = false
	s.mu.Unlock()
}

func (s *Shipper) loop() {
	defer s.wg.Done()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case line := <-s.in:
			s.batch = append(s.batch, line)
			if len(s.batch) >= 100 {
				s.flush()
			}
		case <-tick.C:
			s.flush()
		case <-s.stop:
			s.flush()
			return
		}
	}
}

func (s *Shipper) flush() {
	if len(s.batch) == 0 {
		return
	}
	if err := s.sink.Write(s.batch); err != nil {
		s.attempts++
		if s.attempts < 3 {
			return
		}
		s.mu.Lock()
		s.stats.Failed += len(s.batch)
		s.mu.Unlock()
	} else {
		s.mu.Lock()
		s.stats.Shipped += len(s.batch)
		s.mu.Unlock()
	}
	s.attempts = 0
	s.batch = s.batch[:0]
}
