// Package component: a component's shutdown method closes a channel
// field that the component's own goroutines, or per-call goroutines of
// its exported methods, send on. The closer never received from the
// channel; it is reported when nothing it waits for orders the sends
// before the close.
package component

import (
	"context"
	"sync"
	"time"
)

// Bad: Close closes quit and then entries before waiting for the
// writer; the heartbeat may have taken its ticker case and be about to
// send.
type Logger struct {
	entries chan string
	quit    chan struct{}
	done    chan struct{}
}

func NewLogger(every time.Duration) *Logger {
	l := &Logger{entries: make(chan string, 8), quit: make(chan struct{}), done: make(chan struct{})}
	go l.write()
	go l.heartbeat(every)
	return l
}

func (l *Logger) write() {
	defer close(l.done)
	for range l.entries {
	}
}

func (l *Logger) heartbeat(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-l.quit:
			return
		case <-t.C:
			l.entries <- "beat"
		}
	}
}

func (l *Logger) Close() {
	close(l.quit)
	close(l.entries) // want `l.entries closed while another goroutine may still send on it`
	<-l.done
}

// Bad: the Wait is on the group that counts the connection handlers,
// not the flusher that sends.
type Server struct {
	flushed chan int
	quit    chan struct{}
	connWG  sync.WaitGroup
	bgWG    sync.WaitGroup
}

func Listen(every time.Duration) *Server {
	s := &Server{flushed: make(chan int, 4), quit: make(chan struct{})}
	s.bgWG.Add(1)
	go s.flush(every)
	s.connWG.Add(1)
	go s.serve()
	return s
}

func (s *Server) serve() { defer s.connWG.Done() }

func (s *Server) flush(every time.Duration) {
	defer s.bgWG.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.quit:
			return
		case <-t.C:
			s.flushed <- 1
		}
	}
}

func (s *Server) Close() {
	close(s.quit)
	s.connWG.Wait()
	close(s.flushed) // want `s.flushed closed while another goroutine may still send on it`
}

// Bad: Observe starts a goroutine per call that nothing counts; the
// loop's done channel says only that the loop stopped.
type Collector struct {
	in      chan int
	quit    chan struct{}
	stopped chan struct{}
}

func NewCollector() *Collector {
	c := &Collector{in: make(chan int), quit: make(chan struct{}), stopped: make(chan struct{})}
	go c.loop()
	return c
}

func (c *Collector) loop() {
	defer close(c.stopped)
	for {
		select {
		case <-c.quit:
			return
		case <-c.in:
		}
	}
}

func (c *Collector) Observe(v int) {
	go func() {
		c.in <- v
	}()
}

func (c *Collector) Close() {
	close(c.quit)
	<-c.stopped
	close(c.in) // want `c.in closed while another goroutine may still send on it`
}

// Bad: a cancel tells the poller to stop, but nothing waits for it to
// have stopped.
type Meter struct {
	readings chan float64
	cancel   context.CancelFunc
}

func StartMeter(probe func() float64) *Meter {
	ctx, cancel := context.WithCancel(context.Background())
	m := &Meter{readings: make(chan float64, 8), cancel: cancel}
	go m.poll(ctx, probe)
	return m
}

func (m *Meter) poll(ctx context.Context, probe func() float64) {
	for {
		select {
		case <-ctx.Done():
			return
		case m.readings <- probe():
		}
	}
}

func (m *Meter) Readings() <-chan float64 { return m.readings }

func (m *Meter) Shutdown() {
	m.cancel()
	close(m.readings) // want `m.readings closed while another goroutine may still send on it`
}
