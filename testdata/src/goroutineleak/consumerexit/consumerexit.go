// Package consumerexit: a channel field whose only consumer goroutine
// can give up while the channel stays open.
package consumerexit

import "sync/atomic"

type Event struct{ Name string }

type Store interface{ Append(Event) error }

// The consumer returns on a store error or once halted; Record keeps
// sending.
type Bus struct {
	events chan Event
	halted atomic.Bool
	store  Store
}

func NewBus(s Store) *Bus {
	b := &Bus{events: make(chan Event, 16), store: s}
	go b.consume()
	return b
}

func (b *Bus) consume() {
	for ev := range b.events {
		if b.halted.Load() {
			return
		}
		if err := b.store.Append(ev); err != nil {
			b.halted.Store(true)
			return
		}
	}
}

func (b *Bus) Record(name string) {
	b.events <- Event{Name: name} // want `goroutine leak: send on b.events blocks forever once consume, its only receiver, has returned: it can stop receiving before the channel is closed`
}

func (b *Bus) Halt() { b.halted.Store(true) }

// An unbuffered request channel whose server gives up on a failed
// request.
type Server struct {
	reqs   chan string
	handle func(string) error
}

func NewServer(h func(string) error) *Server {
	s := &Server{reqs: make(chan string), handle: h}
	go s.serve()
	return s
}

func (s *Server) serve() {
	for {
		r := <-s.reqs
		if err := s.handle(r); err != nil {
			return
		}
	}
}

func (s *Server) Do(r string) {
	s.reqs <- r // want `goroutine leak: send on s.reqs blocks forever once serve`
}

// Near-misses, silent.

// The consumer drains until the channel is closed.
type Drain struct {
	in chan int
	n  int
}

func NewDrain() *Drain {
	d := &Drain{in: make(chan int, 4)}
	go d.run()
	return d
}

func (d *Drain) run() {
	for v := range d.in {
		d.n += v
	}
}

func (d *Drain) Add(v int) { d.in <- v }

func (d *Drain) Close() { close(d.in) }

// The consumer skips bad values but never leaves the loop.
type Skipper struct {
	in chan int
}

func NewSkipper() *Skipper {
	s := &Skipper{in: make(chan int, 4)}
	go s.run()
	return s
}

func (s *Skipper) run() {
	for v := range s.in {
		if v < 0 {
			continue
		}
		_ = v
	}
}

func (s *Skipper) Put(v int) { s.in <- v }

func (s *Skipper) Close() { close(s.in) }

// The senders select with a default: they drop rather than block.
type Sampler struct {
	samples chan int
	dropped atomic.Int64
}

func NewSampler() *Sampler {
	s := &Sampler{samples: make(chan int, 128)}
	go s.run()
	return s
}

func (s *Sampler) run() {
	for v := range s.samples {
		if v < 0 {
			return
		}
	}
}

func (s *Sampler) Observe(v int) {
	select {
	case s.samples <- v:
	default:
		s.dropped.Add(1)
	}
}

// The consumer leaves on a stop channel's case: the owner's shutdown,
// not the consumer's own decision; a select receive is not judged here.
type Worker struct {
	jobs chan func()
	quit chan struct{}
}

func NewWorker() *Worker {
	w := &Worker{jobs: make(chan func()), quit: make(chan struct{})}
	go w.loop()
	return w
}

func (w *Worker) loop() {
	for {
		select {
		case j := <-w.jobs:
			j()
		case <-w.quit:
			return
		}
	}
}

func (w *Worker) Submit(j func()) { w.jobs <- j }

func (w *Worker) Stop() { close(w.quit) }

// The consumer stops on a sentinel its owner sends: the exit is the
// protocol's.
type Sentinel struct {
	reqs chan string
}

func NewSentinel() *Sentinel {
	s := &Sentinel{reqs: make(chan string)}
	go s.serve()
	return s
}

func (s *Sentinel) serve() {
	for {
		r := <-s.reqs
		if r == "" {
			return
		}
		_ = r
	}
}

func (s *Sentinel) Do(r string) { s.reqs <- r }

func (s *Sentinel) Close() { s.reqs <- "" }
