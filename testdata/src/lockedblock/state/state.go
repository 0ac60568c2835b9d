// Package state: a send under the mutex the receiver locks first is a
// deadlock only if the sender can get there before the receiver has
// passed its Lock. When the sender, holding the mutex, sends only once
// a field is set that the receiver sets in the very section it locks
// for, the receiver is past its Lock by then.
package state

import (
	"errors"
	"io"
	"sync"
)

// server hands one reply to the request that set its reply writer.
type server struct {
	mu      sync.Mutex
	reply   io.Writer
	metrics chan int
}

func newServer() *server {
	return &server{metrics: make(chan int)}
}

// setReply is the receiver's locked section: it sets s.reply.
func (s *server) setReply(w io.Writer) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reply != nil {
		return errors.New("busy")
	}
	s.reply = w
	return nil
}

// Invoke sets the reply writer, then waits for the response's size.
func (s *server) Invoke(w io.Writer) (int, error) {
	if err := s.setReply(w); err != nil {
		return 0, err
	}
	return <-s.metrics, nil
}

// Respond sends under s.mu only once s.reply is set: Invoke has
// passed setReply's Lock by then. Not reported.
func (s *server) Respond(data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.respondLocked(data)
}

func (s *server) respondLocked(data []byte) error {
	if s.reply == nil {
		return errors.New("no request")
	}
	n, err := s.reply.Write(data)
	if err != nil {
		return err
	}
	s.reply = nil
	s.metrics <- n
	return nil
}

// pool hands a connection to a Get that counted itself as a waiter.
type pool struct {
	mu      sync.Mutex
	idle    []int
	waiters int
	handoff chan int
}

func newPool() *pool { return &pool{handoff: make(chan int)} }

func (p *pool) Get() int {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c
	}
	p.waiters++
	p.mu.Unlock()
	return <-p.handoff
}

// Put hands c over under p.mu only while p.waiters > 0, which only a
// Get past its Lock makes so. Not reported.
func (p *pool) Put(c int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.waiters > 0 {
		p.waiters--
		p.handoff <- c
		return
	}
	p.idle = append(p.idle, c)
}

// notifier's enabled flag is set by its constructor, not by the
// receiver: the sender can reach its send before Next passes its Lock.
type notifier struct {
	mu      sync.Mutex
	enabled bool
	seen    int
	events  chan string
}

func newNotifier() *notifier {
	return &notifier{enabled: true, events: make(chan string)}
}

func (n *notifier) Notify(ev string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.enabled {
		n.events <- ev // want `send on n.events while holding n.mu, which the goroutine that receives from it must lock first \(deadlock\)`
	}
}

func (n *notifier) Next() string {
	n.mu.Lock()
	n.seen++
	n.mu.Unlock()
	return <-n.events
}

// queue's receiver lowers the count it tests: its section does not
// make the sender's condition true.
type queue struct {
	mu      sync.Mutex
	pending int
	acks    chan int
}

func newQueue() *queue { return &queue{acks: make(chan int)} }

func (q *queue) Enqueue() {
	q.mu.Lock()
	q.pending++
	q.mu.Unlock()
}

func (q *queue) Flush() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.pending > 0 {
		q.acks <- q.pending // want `send on q.acks while holding q.mu`
	}
}

func (q *queue) Await() int {
	q.mu.Lock()
	q.pending--
	q.mu.Unlock()
	return <-q.acks
}

// replyTo's test of the field comes before the Lock: another Respond
// may clear it in between.
type replier struct {
	mu    sync.Mutex
	reply io.Writer
	sizes chan int
}

func newReplier() *replier { return &replier{sizes: make(chan int)} }

func (r *replier) Begin(w io.Writer) int {
	r.mu.Lock()
	r.reply = w
	r.mu.Unlock()
	return <-r.sizes
}

func (r *replier) Respond(n int) {
	if r.reply == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sizes <- n // want `send on r.sizes while holding r.mu`
}
