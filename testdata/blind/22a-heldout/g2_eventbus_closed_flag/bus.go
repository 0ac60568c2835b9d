// Correct: broadcastErr is written once in the same critical section that sets closed=true for good; Emit reads it only after observing closed under l.mu.
package g2_eventbus_closed_flag

import (
	"context"
	"errors"
	"sync"
)

var ErrListenerClosed = errors.New("eventbus: listener closed")

type Event struct {
	Name string
	Data any
}

// Sink is the downstream that a Listener forwards events to.
type Sink interface {
	Deliver(ctx context.Context, ev Event) error
}

type Listener struct {
	sink  Sink
	queue chan Event
	done  chan struct{}

	mu           sync.Mutex
	closed       bool
	broadcastErr error
}

func NewListener(sink Sink, depth int) *Listener {
	l := &Listener{sink: sink, queue: make(chan Event, depth), done: make(chan struct{})}
	go l.route()
	return l
}

// route forwards events; the first delivery failure shuts the listener.
func (l *Listener) route() {
	defer close(l.done)
	for ev := range l.queue {
		if err := l.sink.Deliver(context.Background(), ev); err != nil {
			l.shutdown(err)
			return
		}
	}
}

func (l *Listener) shutdown(err error) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return false
	}
	l.closed = true
	l.broadcastErr = err
	close(l.queue)
	return true
}

// Emit queues ev, or reports why the listener stopped.
func (l *Listener) Emit(ev Event) error {
	l.mu.Lock()
	closed := l.closed
	if !closed {
		select {
		case l.queue <- ev:
			l.mu.Unlock()
			return nil
		default:
		}
	}
	l.mu.Unlock()
	if closed {
		return l.broadcastErr
	}
	return errors.New("eventbus: queue full")
}

func (l *Listener) Close() error {
	if l.shutdown(ErrListenerClosed) {
		<-l.done
		return nil
	}
	<-l.done
	return l.broadcastErr
}
