package a

import (
	"sync"
	"time"
)

// The receiver does not need the lock: it can always take the value.
type queue struct {
	mu    sync.Mutex
	items chan int
	n     int
}

func newQueue() *queue {
	q := &queue{items: make(chan int)}
	go q.consume()
	return q
}

func (q *queue) Put(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.n++
	q.items <- v
}

func (q *queue) consume() {
	for v := range q.items {
		_ = v
	}
}

// A buffered channel: the send does not wait for the receiver.
type notifier struct {
	mu      sync.Mutex
	pending chan struct{}
}

func newNotifier() *notifier { return &notifier{pending: make(chan struct{}, 1)} }

func (n *notifier) Notify() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.pending <- struct{}{}
}

func (n *notifier) Drain() {
	n.mu.Lock()
	defer n.mu.Unlock()
	<-n.pending
}

// A select with a timeout gives up.
type waiter struct {
	mu    sync.Mutex
	ready chan struct{}
}

func newWaiter() *waiter { return &waiter{ready: make(chan struct{})} }

func (w *waiter) Wait() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	select {
	case <-w.ready:
		return true
	case <-time.After(time.Second):
		return false
	}
}

func (w *waiter) Ready() {
	w.mu.Lock()
	defer w.mu.Unlock()
	close(w.ready)
}

// The sender holds another peer's lock, not the one the receiver holds.
type peer struct {
	mu    sync.Mutex
	inbox chan string
}

func newPeer() *peer { return &peer{inbox: make(chan string)} }

func (p *peer) receive() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return <-p.inbox
}

func (p *peer) sendTo(q *peer, msg string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	q.inbox <- msg
}

// The channel leaves the package: its other users are unknown.
type feed struct {
	mu      sync.Mutex
	updates chan int
}

func NewFeed() (*feed, <-chan int) {
	f := &feed{updates: make(chan int)}
	return f, f.updates
}

func (f *feed) Publish(v int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.updates <- v
}

func (f *feed) replay() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return <-f.updates
}
