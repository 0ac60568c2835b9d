// Package stopcase holds components whose exported senders select
// between a send and the component's stop signal, while Close closes
// the data channel.
package stopcase

import (
	"context"
	"sync"
)

type Event struct{ ID string }

// Bad: Close signals and closes at once. A Publish whose select has
// both cases ready may take the send after the close.
type Broker struct {
	events chan Event
	done   chan struct{}
	once   sync.Once
}

func (b *Broker) Publish(ev Event) bool {
	select {
	case b.events <- ev:
		return true
	case <-b.done:
		return false
	}
}

func (b *Broker) Close() {
	b.once.Do(func() {
		close(b.done)
		close(b.events) // want `close of b.events does not wait for Publish, whose select may still take its send case: the send panics`
	})
}

// Bad: the stop signal comes from a stored context; Stop waits for the
// consumer only, not for the callers of Emit.
type Emitter struct {
	samples  chan float64
	ctx      context.Context
	cancel   context.CancelFunc
	consumer sync.WaitGroup
}

func NewEmitter() *Emitter {
	ctx, cancel := context.WithCancel(context.Background())
	e := &Emitter{samples: make(chan float64, 8), ctx: ctx, cancel: cancel}
	e.consumer.Add(1)
	go e.consume()
	return e
}

func (e *Emitter) consume() {
	defer e.consumer.Done()
	for {
		select {
		case <-e.ctx.Done():
			return
		case <-e.samples:
		}
	}
}

func (e *Emitter) Emit(v float64) {
	select {
	case e.samples <- v:
	case <-e.ctx.Done():
	}
}

func (e *Emitter) Stop() {
	e.cancel()
	e.consumer.Wait()
	close(e.samples) // want `close of e.samples does not wait for Emit`
}

// Silent: the senders hold the read lock over the select; Close takes
// the write lock, so every sender has left, before it closes.
type Bus struct {
	mu       sync.RWMutex
	closed   bool
	records  chan Event
	stopping chan struct{}
}

func (b *Bus) Send(ev Event) bool {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.closed {
		return false
	}
	select {
	case b.records <- ev:
		return true
	case <-b.stopping:
		return false
	}
}

func (b *Bus) Close() {
	close(b.stopping)
	b.mu.Lock()
	b.closed = true
	close(b.records)
	b.mu.Unlock()
}

// Silent: every Push is counted in flight; Stop waits for them before
// it closes.
type Notifier struct {
	mu       sync.Mutex
	stopped  bool
	inflight sync.WaitGroup
	queue    chan string
	done     chan struct{}
}

func (n *Notifier) Push(msg string) bool {
	n.mu.Lock()
	if n.stopped {
		n.mu.Unlock()
		return false
	}
	n.inflight.Add(1)
	n.mu.Unlock()
	defer n.inflight.Done()
	select {
	case n.queue <- msg:
		return true
	case <-n.done:
		return false
	}
}

func (n *Notifier) Stop() {
	n.mu.Lock()
	n.stopped = true
	n.mu.Unlock()
	close(n.done)
	n.inflight.Wait()
	close(n.queue)
}

// Silent: the data channel is never closed; only the stop signal is.
type Stream struct {
	lines chan string
	quit  chan struct{}
}

func (s *Stream) Send(line string) {
	select {
	case s.lines <- line:
	case <-s.quit:
	}
}

func (s *Stream) Stop() { close(s.quit) }

// Silent: the select's other case is the caller's context, not a
// stop signal of the component; whether Submit may run beside Close
// is the caller's business.
type Pool struct {
	tasks chan func()
}

func (p *Pool) Submit(ctx context.Context, f func()) error {
	select {
	case p.tasks <- f:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *Pool) Close() { close(p.tasks) }
