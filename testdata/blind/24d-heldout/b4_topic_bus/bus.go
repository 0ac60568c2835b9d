// Package b4_topic_bus is a small in-process event bus with topic filtering.
package b4_topic_bus

import (
	"errors"
	"sync"
)

// Event is published on a topic.
type Event struct {
	Topic   string
	Payload []byte
}

type subscription struct {
	topic string
	ch    chan Event
}

// Bus delivers events to subscribers of matching topics.
type Bus struct {
	mu     sync.RWMutex
	subs   []subscription
	closed bool
	buf    int
}

// ErrClosed is returned after Close.
var ErrClosed = errors.New("bus closed")

// NewBus returns a bus whose subscriber channels have buffer size buf.
func NewBus(buf int) *Bus {
	return &Bus{buf: buf}
}

// Subscribe returns one channel that receives events for all given topics.
func (b *Bus) Subscribe(topics ...string) (<-chan Event, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, ErrClosed
	}
	ch := make(chan Event, b.buf)
	for _, t := range topics {
		b.subs = append(b.subs, subscription{topic: t, ch: ch})
	}
	return ch, nil
}

// Publish delivers ev to every subscriber of ev.Topic, dropping it for
// subscribers whose buffer is full.
func (b *Bus) Publish(ev Event) error {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.closed {
		return ErrClosed
	}
	for _, s := range b.subs {
		if s.topic != ev.Topic {
			continue
		}
		select {
		case s.ch <- ev:
		default:
		}
	}
	return nil
}

// Close shuts the bus down and closes every subscriber channel.
func (b *Bus) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	for _, s := range b.subs {
		close(s.ch) // BAD: a multi-topic subscriber's channel is stored in one entry per topic, so it is closed again
	}
	b.subs = nil
}
