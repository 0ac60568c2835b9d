// GOOD: every send on notify happens under mu after checking closed, and Close sets closed under mu before closing notify.
package g3_bus_closed_flag

import (
	"sync"
	"sync/atomic"
)

// Notice is an event published to the bus.
type Notice struct {
	Topic   string
	Payload []byte
}

// Bus delivers notices to a single consumer and drops them when it falls behind.
type Bus struct {
	mu      sync.Mutex
	closed  bool
	notify  chan Notice
	dropped atomic.Int64

	closeOnce sync.Once
}

// NewBus creates a bus with the given backlog.
func NewBus(backlog int) *Bus {
	return &Bus{notify: make(chan Notice, backlog)}
}

// C returns the consumer channel; it is closed by Close.
func (b *Bus) C() <-chan Notice { return b.notify }

// Dropped reports how many notices were discarded.
func (b *Bus) Dropped() int64 { return b.dropped.Load() }

// Publish delivers n without blocking. It reports false if the bus is closed.
func (b *Bus) Publish(n Notice) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	select {
	case b.notify <- n:
	default:
		b.dropped.Add(1)
	}
	return true
}

// PublishAsync publishes from a new goroutine, for callers on hot paths.
func (b *Bus) PublishAsync(n Notice) {
	go b.Publish(n)
}

// Close stops delivery. Publishing after Close is a no-op.
func (b *Bus) Close() {
	b.closeOnce.Do(func() {
		b.mu.Lock()
		b.closed = true
		close(b.notify)
		b.mu.Unlock()
	})
}
