package audit

import "time"

func (b *Bus) Record(actor, action string) {
	ev := Event{Actor: actor, Action: action, At: time.Now()}
	b.events <- ev
}

func (b *Bus) Halt() {
	b.halted.Store(true)
}

func (b *Bus) Written() int64 { return b.written.Load() }
