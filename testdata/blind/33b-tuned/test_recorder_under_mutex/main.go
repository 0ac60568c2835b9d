// BAD: see main_test.go; the test sleeps rather than waiting for the dispatcher goroutines.
package events

import (
	"strings"
	"sync"
)

// Event is a named occurrence with a payload.
type Event struct {
	Name    string
	Payload string
}

// Handler reacts to an event.
type Handler interface {
	Handle(Event)
}

// Bus fans events out to handlers registered by name prefix.
type Bus struct {
	mu       sync.RWMutex
	handlers map[string][]Handler
}

// NewBus returns an empty bus.
func NewBus() *Bus { return &Bus{handlers: make(map[string][]Handler)} }

// On registers h for events whose name starts with prefix.
func (b *Bus) On(prefix string, h Handler) {
	b.mu.Lock()
	b.handlers[prefix] = append(b.handlers[prefix], h)
	b.mu.Unlock()
}

// Dispatch delivers e synchronously to every matching handler.
func (b *Bus) Dispatch(e Event) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for prefix, hs := range b.handlers {
		if strings.HasPrefix(e.Name, prefix) {
			for _, h := range hs {
				h.Handle(e)
			}
		}
	}
}
