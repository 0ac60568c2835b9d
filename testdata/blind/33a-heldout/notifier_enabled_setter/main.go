// BAD: Publish sends on n.eventCh while holding n.mu whenever n.enabled is true, but enabled comes from the config
// and the exported SetEnabled, not from Next; Next locks n.mu in markReading before receiving, so Publish can hold the lock on the send first.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Event struct {
	Topic string
	At    time.Time
}

type Config struct {
	DeliverLive bool
	HistorySize int
}

type Notifier struct {
	mu      sync.Mutex
	enabled bool
	history []Event
	limit   int
	reads   int
	eventCh chan Event
}

func NewNotifier(cfg Config) *Notifier {
	return &Notifier{
		enabled: cfg.DeliverLive,
		limit:   cfg.HistorySize,
		eventCh: make(chan Event),
	}
}

// SetEnabled toggles live delivery.
func (n *Notifier) SetEnabled(on bool) {
	n.mu.Lock()
	n.enabled = on
	n.mu.Unlock()
}

// Publish records e and delivers it to the live reader if delivery is enabled.
func (n *Notifier) Publish(e Event) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.history = append(n.history, e)
	if len(n.history) > n.limit {
		n.history = n.history[1:]
	}
	if n.enabled {
		n.eventCh <- e // want "while holding"
	}
}

func (n *Notifier) markReading() {
	n.mu.Lock()
	n.reads++
	n.mu.Unlock()
}

// Next waits for the next live event.
func (n *Notifier) Next() Event {
	n.markReading()
	return <-n.eventCh
}

func main() {
	n := NewNotifier(Config{DeliverLive: true, HistorySize: 10})
	go func() {
		for _, t := range []string{"deploy.started", "deploy.finished"} {
			n.Publish(Event{Topic: t, At: time.Now()})
		}
	}()
	for i := 0; i < 2; i++ {
		e := n.Next()
		fmt.Println(e.Topic, e.At.Format(time.Kitchen))
	}
	n.SetEnabled(false)
}
