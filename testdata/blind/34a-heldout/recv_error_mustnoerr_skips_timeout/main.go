// BAD: the test's mustNoErr helper treats the receive timeout as tolerable, so the
// delivery goroutine can stay blocked on the unbuffered channel after the test passes.
package notify

import (
	"errors"
	"fmt"
	"strings"
)

// Event is a notification sent to a subscriber.
type Event struct {
	Topic   string
	Payload string
}

// Sink receives rendered notifications.
type Sink interface {
	Deliver(msg string) error
}

// Dispatcher renders events and delivers them to a sink.
type Dispatcher struct {
	prefix string
	sink   Sink
}

// ErrEmptyTopic is returned for events without a topic.
var ErrEmptyTopic = errors.New("notify: empty topic")

// NewDispatcher returns a Dispatcher that prefixes every message.
func NewDispatcher(prefix string, sink Sink) *Dispatcher {
	return &Dispatcher{prefix: prefix, sink: sink}
}

// Dispatch renders ev and hands it to the sink.
func (d *Dispatcher) Dispatch(ev Event) error {
	if strings.TrimSpace(ev.Topic) == "" {
		return ErrEmptyTopic
	}
	msg := fmt.Sprintf("[%s] %s: %s", d.prefix, ev.Topic, ev.Payload)
	if err := d.sink.Deliver(msg); err != nil {
		return fmt.Errorf("notify: deliver %q: %w", ev.Topic, err)
	}
	return nil
}
