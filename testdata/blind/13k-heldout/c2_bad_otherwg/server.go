// Package metricsrv accepts metric lines over TCP and flushes batches.
package metricsrv

import (
	"bufio"
	"net"
	"sync"
	"time"
)

// Batch is a group of metric lines flushed together.
type Batch struct {
	Lines []string
	At    time.Time
}

// Server collects lines from connections and flushes them periodically.
type Server struct {
	ln      net.Listener
	mu      sync.Mutex
	pending []string
	flushed chan Batch
	quit    chan struct{}
	connWG  sync.WaitGroup
	bgWG    sync.WaitGroup
}

// Listen starts accepting on ln and flushing every interval.
func Listen(ln net.Listener, every time.Duration) *Server {
	s := &Server{
		ln:      ln,
		flushed: make(chan Batch, 4),
		quit:    make(chan struct{}),
	}
	s.bgWG.Add(1)
	go s.flushLoop(every)
	s.connWG.Add(1)
	go s.acceptLoop()
	return s
}

// Flushed delivers batches; it is closed by Close.
func (s *Server) Flushed() <-chan Batch { return s.flushed }

func (s *Server) acceptLoop() {
	defer s.connWG.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.connWG.Add(1)
		go s.serveConn(c)
	}
}

func (s *Server) serveConn(c net.Conn) {
	defer s.connWG.Done()
	defer c.Close()
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		s.mu.Lock()
		s.pending = append(s.pending, sc.Text())
		s.mu.Unlock()
	}
}

func (s *Server) flushLoop(every time.Duration) {
	defer s.bgWG.Done()
	tk := time.NewTicker(every)
	defer tk.Stop()
	for {
		select {
		case <-s.quit:
			return
		case now := <-tk.C:
			s.mu.Lock()
			lines := s.pending
			s.pending = nil
			s.mu.Unlock()
			if len(lines) == 0 {
				continue
			}
			s.flushed <- Batch{Lines: lines, At: now}
		}
	}
}

// Close stops accepting, waits for open connections and closes Flushed.
func (s *Server) Close() error {
	close(s.quit)
	err := s.ln.Close()
	s.connWG.Wait()
	close(s.flushed)
	return err
}
