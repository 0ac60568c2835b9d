package swapbuf

import (
	"io"
	"sync"
	"time"
)

type Spooler struct {
	mu      sync.Mutex
	pending [][]byte
	sink    io.Writer
	kick    chan [][]byte
	done    chan error
	stop    chan struct{}
}

func NewSpooler(sink io.Writer, period time.Duration) *Spooler {
	s := &Spooler{
		sink: sink,
		kick: make(chan [][]byte),
		done: make(chan error),
		stop: make(chan struct{}),
	}
	go s.run(period)
	return s
}

func (s *Spooler) Append(rec []byte) {
	s.mu.Lock()
	s.pending = append(s.pending, rec)
	s.mu.Unlock()
}

func (s *Spooler) drain() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	recs := s.pending
	s.pending = nil
	return recs
}

func (s *Spooler) write(recs [][]byte) error {
	for _, r := range recs {
		if _, err := s.sink.Write(r); err != nil {
			return err
		}
	}
	return nil
}

func (s *Spooler) run(period time.Duration) {
	tick := time.NewTicker(period)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			s.write(s.drain())
		case recs := <-s.kick:
			s.done <- s.write(recs)
		case <-s.stop:
			return
		}
	}
}

func (s *Spooler) Sync() error {
	s.mu.Lock()
	recs := s.pending
	s.pending = nil
	s.mu.Unlock()

	select {
	case s.kick <- recs:
		return <-s.done
	case <-s.stop:
		return s.write(recs)
	}
}

func (s *Spooler) Stop() {
	close(s.stop)
}
