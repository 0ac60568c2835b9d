package twolocks

import "sync"

type subscriber struct{ id int }

// Hub registers subscribers under mu; a persistent hub finishes the
// registration in a goroutine that inherits the lock and releases it.
type Hub struct {
	mu         sync.RWMutex
	subs       map[string][]*subscriber
	persistent bool
	closing    chan struct{}
}

func (h *Hub) Count(topic string) int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return len(h.subs[topic])
}

func (h *Hub) Subscribe(topic string) {
	h.mu.Lock()
	s := &subscriber{}
	go func(s *subscriber, h *Hub) {
		<-h.closing
		h.mu.Lock()
		defer h.mu.Unlock()
		h.remove(topic, s)
	}(s, h)
	if !h.persistent {
		defer h.mu.Unlock()
		h.add(topic, s)
		return
	}
	go func() {
		defer h.mu.Unlock()
		h.add(topic, s)
	}()
}

func (h *Hub) add(topic string, s *subscriber) {
	h.subs[topic] = append(h.subs[topic], s)
}

func (h *Hub) remove(topic string, s *subscriber) {
	list := h.subs[topic]
	for i, x := range list {
		if x == s {
			h.subs[topic] = append(list[:i], list[i+1:]...)
			return
		}
	}
}

// SubscribeLate's goroutine takes no lock of its own and gets none:
// the starter has already released it.
func (h *Hub) SubscribeLate(topic string) {
	s := &subscriber{}
	h.mu.Lock()
	h.mu.Unlock()
	go func() {
		h.late(topic, s)
	}()
}

func (h *Hub) late(topic string, s *subscriber) {
	h.subs[topic] = append(h.subs[topic], s) // want `write to h.subs without holding h.mu`
}
