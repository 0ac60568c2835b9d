package audit

import (
	"sync/atomic"
	"time"
)

type Event struct {
	Actor  string
	Action string
	At     time.Time
}

type Bus struct {
	events  chan Event
	halted  atomic.Bool
	written atomic.Int64
	store   Store
}

type Store interface {
	Append(Event) error
}

func NewBus(s Store) *Bus {
	b := &Bus{events: make(chan Event, 16), store: s}
	go b.consume()
	return b
}

func (b *Bus) consume() {
	for ev := range b.events {
		if b.halted.Load() {
			return
		}
		if err := b.store.Append(ev); err != nil {
			b.halted.Store(true)
			return
		}
		b.written.Add(1)
	}
}
