// Package pubsub is a polling client for a simple message broker.
package pubsub

import (
	"errors"
	"sync"
	"time"
)

// ErrSubscribed is returned by a second call to Subscribe.
var ErrSubscribed = errors.New("pubsub: already subscribed")

// Broker is the remote side of the client.
type Broker interface {
	Fetch(topic string, after int) ([]string, int, error)
}

// Handler receives each message.
type Handler func(msg string)

// Client delivers messages of one topic to a handler.
type Client struct {
	broker  Broker
	mu      sync.Mutex
	topic   string
	handler Handler
	cursor  int
	active  bool
	closed  bool
	poll    time.Duration
}

// NewClient returns an unsubscribed client.
func NewClient(b Broker, poll time.Duration) *Client {
	return &Client{broker: b, poll: poll}
}

// Subscribe starts delivering messages of topic to h.
func (c *Client) Subscribe(topic string, h Handler) error {
	if c.active {
		return ErrSubscribed
	}
	c.active = true
	c.topic = topic
	go c.loop()
	if h == nil {
		h = func(string) {}
	}
	c.handler = h
	return nil
}

// SetHandler replaces the handler of an active subscription.
func (c *Client) SetHandler(h Handler) {
	c.mu.Lock()
	c.handler = h
	c.mu.Unlock()
}

// Close stops delivery.
func (c *Client) Close() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
}

func (c *Client) loop() {
	for {
		c.mu.Lock()
		if c.closed {
			c.mu.Unlock()
			return
		}
		topic, h, after := c.topic, c.handler, c.cursor
		c.mu.Unlock()

		msgs, next, err := c.broker.Fetch(topic, after)
		if err == nil && h != nil {
			for _, m := range msgs {
				h(m)
			}
			c.mu.Lock()
			c.cursor = next
			c.mu.Unlock()
		}
		time.Sleep(c.poll)
	}
}
