package inflight

import (
	"errors"
	"sync"
	"time"
)

var errEmpty = errors.New("empty")

// Retrier hands a failed message back to its loop for another try
// without marking it done: the message stays counted, and only its
// final result marks it Done. A goroutine started per retry waits out
// the backoff and sends it on the retry channel; the loop stops
// selecting on a channel it sees closed.
type Retrier struct {
	input   chan *Msg
	retry   chan *Msg
	work    chan *Msg
	results chan *Msg

	pending sync.WaitGroup
}

func NewRetrier() *Retrier {
	r := &Retrier{input: make(chan *Msg), retry: make(chan *Msg), work: make(chan *Msg, 4), results: make(chan *Msg, 8)}
	go r.loop()
	go r.worker()
	return r
}

func (r *Retrier) Input(m *Msg) {
	r.pending.Add(1)
	r.input <- m
}

func (r *Retrier) Results() <-chan *Msg { return r.results }

func (r *Retrier) loop() {
	input, retry := r.input, r.retry
	for input != nil || retry != nil {
		select {
		case m, ok := <-input:
			if !ok {
				input = nil
				continue
			}
			r.work <- m
		case m, ok := <-retry:
			if !ok {
				retry = nil
				continue
			}
			r.work <- m
		}
	}
	close(r.work)
}

func (r *Retrier) worker() {
	for m := range r.work {
		if m.Err != nil {
			m.Err = nil
			go func(m *Msg) {
				time.Sleep(time.Millisecond)
				r.retry <- m // still counted: handed back without a Done
			}(m)
			continue
		}
		r.results <- m
		r.pending.Done()
	}
}

// Close: silent, every message's sends, its retries' too, come before
// its one Done.
func (r *Retrier) Close() {
	r.pending.Wait()
	close(r.retry)
	close(r.input)
	close(r.results)
}

// Pipeline hands each message from its first stage to the second
// without a Done; the second stage marks it done after its send.
type Pipeline struct {
	raw    chan string
	parsed chan *Msg
	out    chan *Msg
	errs   chan error

	pending sync.WaitGroup
}

func NewPipeline() *Pipeline {
	p := &Pipeline{raw: make(chan string), parsed: make(chan *Msg), out: make(chan *Msg), errs: make(chan error)}
	go p.parse()
	go p.deliver()
	return p
}

func (p *Pipeline) Publish(s string) {
	p.pending.Add(1)
	p.raw <- s
}

func (p *Pipeline) Out() <-chan *Msg  { return p.out }
func (p *Pipeline) Errs() <-chan error { return p.errs }

func (p *Pipeline) parse() {
	for s := range p.raw {
		if s == "" {
			p.errs <- errEmpty
			p.pending.Done()
			continue
		}
		p.parsed <- &Msg{Topic: s} // handed on, still counted
	}
}

func (p *Pipeline) deliver() {
	for m := range p.parsed {
		p.out <- m
		p.pending.Done()
	}
}

// Close: silent, the hand-off on parsed precedes the message's Done in
// deliver.
func (p *Pipeline) Close() {
	p.pending.Wait()
	close(p.raw)
	close(p.parsed)
	close(p.out)
	close(p.errs)
}

// DoneRetrier marks a failed message done and then re-sends it: once
// its Done lets the counter reach zero, Close may have closed retry.
type DoneRetrier struct {
	input chan *Msg
	retry chan *Msg
	out   chan *Msg

	pending sync.WaitGroup
}

func NewDoneRetrier() *DoneRetrier {
	r := &DoneRetrier{input: make(chan *Msg), retry: make(chan *Msg, 1), out: make(chan *Msg, 8)}
	go r.worker()
	return r
}

func (r *DoneRetrier) Input(m *Msg) {
	r.pending.Add(1)
	r.input <- m
}

func (r *DoneRetrier) worker() {
	for {
		var m *Msg
		select {
		case m = <-r.input:
		case m = <-r.retry:
			r.pending.Add(1)
		}
		if m.Err != nil {
			m.Err = nil
			r.pending.Done()
			go func() {
				time.Sleep(time.Millisecond)
				r.retry <- m
			}()
			continue
		}
		r.out <- m
		r.pending.Done()
	}
}

// Close: bad, the retry's send follows the message's Done.
func (r *DoneRetrier) Close() {
	r.pending.Wait()
	close(r.retry) // want `r.retry closed while another goroutine may still send on it`
	close(r.out)
}

// LateAdd counts a retry again only after marking it done: the Add
// comes when the counter may already be zero and the Wait released.
type LateAdd struct {
	input chan *Msg
	retry chan *Msg
	out   chan *Msg

	pending sync.WaitGroup
}

func NewLateAdd() *LateAdd {
	l := &LateAdd{input: make(chan *Msg), retry: make(chan *Msg, 1), out: make(chan *Msg, 8)}
	go l.worker()
	return l
}

func (l *LateAdd) Input(m *Msg) {
	l.pending.Add(1)
	l.input <- m
}

func (l *LateAdd) worker() {
	for {
		var m *Msg
		select {
		case m = <-l.input:
		case m = <-l.retry:
		}
		if m.Err != nil {
			m.Err = nil
			l.pending.Done()
			go func() {
				time.Sleep(time.Millisecond)
				l.pending.Add(1)
				l.retry <- m
			}()
			continue
		}
		l.out <- m
		l.pending.Done()
	}
}

// Close: bad, the Add after the Done does not hold the Wait back.
func (l *LateAdd) Close() {
	l.pending.Wait()
	close(l.retry) // want `l.retry closed while another goroutine may still send on it`
	close(l.out)
}

// Notifier hands each message on and then sends a notice of it: once
// handed on, the message may be done before the notice is sent.
type Notifier struct {
	input  chan *Msg
	mid    chan *Msg
	out    chan *Msg
	notice chan int

	pending sync.WaitGroup
}

func NewNotifier() *Notifier {
	n := &Notifier{input: make(chan *Msg), mid: make(chan *Msg), out: make(chan *Msg, 8), notice: make(chan int, 8)}
	go n.first()
	go n.second()
	return n
}

func (n *Notifier) Input(m *Msg) {
	n.pending.Add(1)
	n.input <- m
}

func (n *Notifier) first() {
	for m := range n.input {
		n.mid <- m
		n.notice <- 1
	}
}

func (n *Notifier) second() {
	for m := range n.mid {
		n.out <- m
		n.pending.Done()
	}
}

// Close: bad, the notice follows the hand-off.
func (n *Notifier) Close() {
	n.pending.Wait()
	close(n.notice) // want `n.notice closed while another goroutine may still send on it`
	close(n.out)
}

// Early closes the retry channel before it waits for the messages.
type Early struct {
	input chan *Msg
	retry chan *Msg
	out   chan *Msg

	pending sync.WaitGroup
}

func NewEarly() *Early {
	e := &Early{input: make(chan *Msg), retry: make(chan *Msg, 1), out: make(chan *Msg, 8)}
	go e.worker()
	return e
}

func (e *Early) Input(m *Msg) {
	e.pending.Add(1)
	e.input <- m
}

func (e *Early) worker() {
	for {
		var m *Msg
		select {
		case m = <-e.input:
		case m = <-e.retry:
		}
		if m.Err != nil {
			m.Err = nil
			go func() { e.retry <- m }()
			continue
		}
		e.out <- m
		e.pending.Done()
	}
}

// Close: bad, the close comes before the Wait.
func (e *Early) Close() {
	close(e.retry) // want `e.retry closed while another goroutine may still send on it`
	e.pending.Wait()
	close(e.out)
}

// Recount marks a message done and counts it again for an echo: the
// Add may come after the Wait has returned, so it holds nothing back.
type Recount struct {
	input chan *Msg
	out   chan *Msg
	echo  chan *Msg

	pending sync.WaitGroup
}

func NewRecount() *Recount {
	r := &Recount{input: make(chan *Msg), out: make(chan *Msg, 8), echo: make(chan *Msg, 8)}
	go r.run()
	return r
}

func (r *Recount) Input(m *Msg) {
	r.pending.Add(1)
	r.input <- m
}

func (r *Recount) run() {
	for m := range r.input {
		r.out <- m
		r.pending.Done()
		r.pending.Add(1)
		r.echo <- m
		r.pending.Done()
	}
}

// Close: bad, the echo's send follows a Done that may release the Wait.
func (r *Recount) Close() {
	r.pending.Wait()
	close(r.echo) // want `r.echo closed while another goroutine may still send on it`
	close(r.out)
	close(r.input)
}

// Flusher marks each message of a batch done in a loop and then sends
// a per-batch notice, in the loop over batches itself.
type Flusher struct {
	in      chan []*Msg
	out     chan *Msg
	flushed chan int

	count sync.WaitGroup
}

func NewFlusher() *Flusher {
	f := &Flusher{in: make(chan []*Msg), out: make(chan *Msg, 8), flushed: make(chan int, 1)}
	go f.run()
	return f
}

func (f *Flusher) Send(batch []*Msg) {
	f.count.Add(len(batch))
	f.in <- batch
}

func (f *Flusher) run() {
	for batch := range f.in {
		for _, m := range batch {
			f.out <- m // silent: before its own Done
			f.count.Done()
		}
		f.flushed <- len(batch)
	}
}

// Close: bad, the notice follows the batch's Dones.
func (f *Flusher) Close() {
	f.count.Wait()
	close(f.out)
	close(f.flushed) // want `f.flushed closed while another goroutine may still send on it`
	close(f.in)
}
