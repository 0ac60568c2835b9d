// Correct: the library itself starts no endless loops; only its test drains acks, once, for the test's lifetime.
package g1_publisher_acks

import (
	"errors"
	"sync"
	"time"
)

// ErrStopped is returned by Publish after Stop.
var ErrStopped = errors.New("publisher: stopped")

// Sink receives published payloads.
type Sink interface {
	Deliver(id uint64, payload []byte) error
}

// Publisher delivers payloads to a sink in order and reports each delivered
// id on an ack channel supplied by the caller.
type Publisher struct {
	sink  Sink
	acks  chan<- uint64
	queue chan []byte

	mu      sync.Mutex
	stopped bool
	done    chan struct{}
}

// NewPublisher starts a publisher; delivered ids are sent on acks.
func NewPublisher(sink Sink, acks chan<- uint64) *Publisher {
	p := &Publisher{sink: sink, acks: acks, queue: make(chan []byte, 16), done: make(chan struct{})}
	go p.run()
	return p
}

func (p *Publisher) run() {
	defer close(p.done)
	var id uint64
	for payload := range p.queue {
		id++
		for p.sink.Deliver(id, payload) != nil {
			time.Sleep(time.Millisecond)
		}
		p.acks <- id
	}
}

// Publish queues payload for delivery.
func (p *Publisher) Publish(payload []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return ErrStopped
	}
	p.queue <- payload
	return nil
}

// Stop stops accepting payloads and waits for queued ones to be delivered.
func (p *Publisher) Stop() {
	p.mu.Lock()
	if !p.stopped {
		p.stopped = true
		close(p.queue)
	}
	p.mu.Unlock()
	<-p.done
}
