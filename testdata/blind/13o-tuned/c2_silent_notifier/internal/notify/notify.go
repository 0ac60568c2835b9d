// Package notify fans change events out to subscribers from a single goroutine.
package notify

import (
	"sync"
	"time"
)

// Event describes a change to a watched file.
type Event struct {
	Path    string
	ModTime time.Time
}

// Notifier delivers events to its subscribers in order.
type Notifier struct {
	events chan Event
	subs   []func(Event)
	wg     sync.WaitGroup
}

// New returns a Notifier for the given subscribers. Call Start before Notify.
func New(subs ...func(Event)) *Notifier {
	return &Notifier{events: make(chan Event, 8), subs: subs}
}

// Start begins delivering events.
func (n *Notifier) Start() {
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		for e := range n.events {
			for _, s := range n.subs {
				s(e)
			}
		}
	}()
}

// Notify queues e for delivery.
func (n *Notifier) Notify(e Event) {
	n.events <- e
}

// Stop delivers the queued events and shuts the notifier down.
func (n *Notifier) Stop() {
	close(n.events)
	n.wg.Wait()
}
