package deploybus

import "sync"

type Event struct {
	Topic   string
	Release string
}

type Handler func(Event)

type Bus struct {
	mu       sync.Mutex
	handlers map[string][]Handler
	history  []Event
}

func NewBus() *Bus {
	b := &Bus{handlers: make(map[string][]Handler)}
	b.handlers["release.rolledback"] = []Handler{b.auditRollback}
	return b
}

func (b *Bus) On(topic string, h Handler) {
	b.mu.Lock()
	b.handlers[topic] = append(b.handlers[topic], h)
	b.mu.Unlock()
}

func (b *Bus) Emit(ev Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.history = append(b.history, ev)
	if len(b.history) > 500 {
		b.history = b.history[len(b.history)-500:]
	}
	for _, h := range b.handlers[ev.Topic] {
		h(ev)
	}
}

func (b *Bus) Recent(topic string, n int) []Event {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []Event
	for i := len(b.history) - 1; i >= 0 && len(out) < n; i-- {
		if b.history[i].Topic == topic {
			out = append(out, b.history[i])
		}
	}
	return out
}
