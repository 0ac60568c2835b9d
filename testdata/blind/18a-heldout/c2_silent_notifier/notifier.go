// Package notify delivers push notifications through a single dispatcher
// goroutine that talks to the upstream gateway.
package notify

import (
	"context"
	"errors"
	"sync"
)

var ErrStopped = errors.New("notify: stopped")

type Notification struct {
	DeviceToken string
	Title       string
	Body        string
}

type Gateway interface {
	Deliver(ctx context.Context, n Notification) error
}

// Notifier queues notifications for the dispatcher.
type Notifier struct {
	mu       sync.Mutex
	stopped  bool
	inflight sync.WaitGroup

	queue      chan Notification
	done       chan struct{}
	dispatched chan struct{}
	gw         Gateway
}

func New(gw Gateway, depth int) *Notifier {
	n := &Notifier{
		queue:      make(chan Notification, depth),
		done:       make(chan struct{}),
		dispatched: make(chan struct{}),
		gw:         gw,
	}
	go n.dispatch()
	return n
}

// Push queues a notification, waiting for room or for ctx.
func (n *Notifier) Push(ctx context.Context, msg Notification) error {
	n.mu.Lock()
	if n.stopped {
		n.mu.Unlock()
		return ErrStopped
	}
	n.inflight.Add(1)
	n.mu.Unlock()
	defer n.inflight.Done()

	select {
	case n.queue <- msg:
		return nil
	case <-n.done:
		return ErrStopped
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (n *Notifier) dispatch() {
	defer close(n.dispatched)
	for msg := range n.queue {
		_ = n.gw.Deliver(context.Background(), msg)
	}
}

// Stop rejects new pushes, waits for pushes already in progress, then lets
// the dispatcher drain the queue.
func (n *Notifier) Stop() {
	n.mu.Lock()
	if n.stopped {
		n.mu.Unlock()
		return
	}
	n.stopped = true
	n.mu.Unlock()

	close(n.done)
	n.inflight.Wait()
	close(n.queue)
	<-n.dispatched
}
