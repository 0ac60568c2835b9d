package hooks

import (
	"log"
	"sync"
)

type Event struct {
	Kind string
	ID   string
}

type Handler func(Event)

type Dispatcher struct {
	mu       sync.Mutex
	handlers map[string][]Handler
	seen     map[string]int
}

func NewDispatcher() *Dispatcher {
	d := &Dispatcher{handlers: make(map[string][]Handler), seen: make(map[string]int)}
	d.On("deleted", d.forget)
	d.On("created", d.record)
	return d
}

func (d *Dispatcher) On(kind string, h Handler) {
	d.mu.Lock()
	d.handlers[kind] = append(d.handlers[kind], h)
	d.mu.Unlock()
}

func (d *Dispatcher) record(ev Event) {
	d.mu.Lock()
	d.seen[ev.ID]++
	d.mu.Unlock()
}

func (d *Dispatcher) forget(ev Event) {
	d.mu.Lock()
	delete(d.seen, ev.ID)
	d.mu.Unlock()
}

func (d *Dispatcher) Emit(ev Event) {
	d.mu.Lock()
	hs := make([]Handler, len(d.handlers[ev.Kind]))
	copy(hs, d.handlers[ev.Kind])
	d.mu.Unlock()

	for _, h := range hs {
		h(ev)
	}
	if len(hs) == 0 {
		log.Printf("no handler for %s", ev.Kind)
	}
}

func (d *Dispatcher) Seen(id string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.seen[id]
}
