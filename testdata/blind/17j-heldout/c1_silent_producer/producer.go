// Package producer implements an asynchronous message producer that
// hands messages to a pool of senders and reports the outcome of each
// message on a successes or errors channel.
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
}

// ProducerError wraps a message that could not be delivered.
type ProducerError struct {
	Msg *Message
	Err error
}

// SendFunc delivers one message to the broker.
type SendFunc func(*Message) error

// AsyncProducer accepts messages on Input and reports them on Successes
// or Errors.
type AsyncProducer struct {
	input     chan *Message
	work      chan *Message
	successes chan *Message
	errors    chan *ProducerError

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
		input:     make(chan *Message),
		work:      make(chan *Message, senders),
		successes: make(chan *Message, 64),
		errors:    make(chan *ProducerError, 64),
		send:      send,
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

func (p *AsyncProducer) Successes() <-chan *Message    { return p.successes }
func (p *AsyncProducer) Errors() <-chan *ProducerError { return p.errors }

func (p *AsyncProducer) dispatch() {
	for m := range p.input {
		p.work <- m
	}
	close(p.work)
}

func (p *AsyncProducer) sender() {
	for m := range p.work {
		p.deliver(m)
	}
}

// deliver sends one message and reports its outcome; the message stays
// in flight until its outcome has been handed to the caller.
func (p *AsyncProducer) deliver(m *Message) {
	defer p.inFlight.Done()
	if m.Topic == "" {
		p.errors <- &ProducerError{Msg: m, Err: ErrEmptyTopic}
		return
	}
	if err := p.send(m); err != nil {
		p.errors <- &ProducerError{Msg: m, Err: err}
		return
	}
	p.successes <- m
}

// Close waits until all accepted messages are reported and shuts the
// producer down. The caller must keep draining Successes and Errors.
func (p *AsyncProducer) Close() {
	p.inFlight.Wait()
	close(p.input)
	close(p.successes)
	close(p.errors)
}
