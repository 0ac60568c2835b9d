package b3_pubsub_hub

import (
	"context"
	"sync"
)

type Event struct {
	Topic   string
	Payload string
}

// subscriber runs a per-subscription delivery loop that forwards events to
// a user callback.
type subscriber struct {
	topic  string
	events chan Event
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *subscriber) run(fn func(Event)) {
	defer close(s.events) // BAD: Publish holds pubMu, not the mu that Unsubscribe takes, so it can still send after cancel
	for {
		select {
		case <-s.ctx.Done():
			return
		case ev := <-s.events:
			fn(ev)
		}
	}
}

// Hub is a tiny in-process pub/sub. pubMu was added to serialise publishers
// so that events on a topic keep their order.
type Hub struct {
	mu    sync.Mutex // guards subs membership changes
	pubMu sync.Mutex // serialises publishers
	subs  map[string]*subscriber
}

func NewHub() *Hub {
	return &Hub{subs: make(map[string]*subscriber)}
}

func (h *Hub) Subscribe(topic string, fn func(Event)) {
	ctx, cancel := context.WithCancel(context.Background())
	s := &subscriber{topic: topic, events: make(chan Event, 32), ctx: ctx, cancel: cancel}
	h.mu.Lock()
	if old, ok := h.subs[topic]; ok {
		old.cancel()
	}
	h.subs[topic] = s
	h.mu.Unlock()
	go s.run(fn)
}

func (h *Hub) Unsubscribe(topic string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if s, ok := h.subs[topic]; ok {
		delete(h.subs, topic)
		s.cancel()
	}
}

// Publish delivers ev without blocking; slow subscribers lose events.
func (h *Hub) Publish(ev Event) bool {
	h.pubMu.Lock()
	defer h.pubMu.Unlock()
	s, ok := h.subs[ev.Topic]
	if !ok {
		return false
	}
	select {
	case s.events <- ev:
		return true
	default:
		return false
	}
}

func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for topic, s := range h.subs {
		s.cancel()
		delete(h.subs, topic)
	}
}
