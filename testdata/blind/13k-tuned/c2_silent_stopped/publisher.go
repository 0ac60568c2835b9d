// Package feed polls a source and publishes change events.
package feed

import (
	"time"
)

// Event is one observed change.
type Event struct {
	Seq  int
	Seen time.Time
}

// Source reports the current sequence number.
type Source interface {
	Seq() int
}

// Publisher polls a Source and emits an Event whenever its sequence moves.
type Publisher struct {
	src     Source
	every   time.Duration
	events  chan Event
	quit    chan struct{}
	stopped chan struct{}
}

// NewPublisher starts polling src every interval.
func NewPublisher(src Source, every time.Duration) *Publisher {
	p := &Publisher{
		src:     src,
		every:   every,
		events:  make(chan Event),
		quit:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	go p.run()
	return p
}

// Events returns the event stream; it is closed by Close.
func (p *Publisher) Events() <-chan Event { return p.events }

func (p *Publisher) run() {
	defer close(p.stopped)
	t := time.NewTicker(p.every)
	defer t.Stop()
	last := p.src.Seq()
	for {
		select {
		case <-p.quit:
			return
		case now := <-t.C:
			seq := p.src.Seq()
			if seq == last {
				continue
			}
			last = seq
			select {
			case p.events <- Event{Seq: seq, Seen: now}:
			case <-p.quit:
				return
			}
		}
	}
}

// Close stops polling and closes the event stream.
func (p *Publisher) Close() {
	close(p.quit)
	<-p.stopped
	close(p.events)
}
