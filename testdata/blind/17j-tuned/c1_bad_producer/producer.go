// Package producer implements an asynchronous message producer that
// hands messages to a pool of senders and reports the outcome of each
// message on a single results channel.
package producer

import (
	"errors"
	"sync"
)

// Message is a single record published by the producer.
type Message struct {
	Topic string
	Key   string
	Value []byte
	Err   error
}

// SendFunc delivers one message to the broker.
type SendFunc func(*Message) error

// AsyncProducer accepts messages on Input and reports them on Results.
type AsyncProducer struct {
	input   chan *Message
	work    chan *Message
	results chan *Message

	inFlight sync.WaitGroup
	send     SendFunc
}

var ErrEmptyTopic = errors.New("producer: empty topic")

// New starts a producer with the given number of sender goroutines.
func New(send SendFunc, senders int) *AsyncProducer {
	if senders < 1 {
		senders = 1
	}
	p := &AsyncProducer{
		input:   make(chan *Message),
		work:    make(chan *Message, senders),
		results: make(chan *Message, 64),
		send:    send,
	}
	go p.dispatch()
	for i := 0; i < senders; i++ {
		go p.sender()
	}
	return p
}

// Input queues a message for delivery.
func (p *AsyncProducer) Input(m *Message) {
	p.inFlight.Add(1)
	p.input <- m
}

// Results reports every message once it has been handled, with Err set
// when delivery failed.
func (p *AsyncProducer) Results() <-chan *Message { return p.results }

func (p *AsyncProducer) dispatch() {
	for m := range p.input {
		p.work <- m
	}
	close(p.work)
}

func (p *AsyncProducer) sender() {
	for m := range p.work {
		if m.Topic == "" {
			m.Err = ErrEmptyTopic
		} else {
			m.Err = p.send(m)
		}
		p.inFlight.Done()
		p.results <- m
	}
}

// Close waits until all accepted messages are handled and shuts the
// producer down. The caller must keep draining Results until it is closed.
func (p *AsyncProducer) Close() {
	p.inFlight.Wait()
	close(p.input)
	close(p.results)
}
