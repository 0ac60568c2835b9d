package b2_hub_twostep_close

import (
	"errors"
	"sync"
)

var ErrHubClosed = errors.New("hub: closed")

type Message struct {
	Topic   string
	Payload []byte
}

// Hub fans published messages out to subscribers.
type Hub struct {
	mu       sync.Mutex
	subs     map[int]chan Message
	nextID   int
	closed   bool
	closeErr error
	dropped  int
}

func NewHub() *Hub {
	return &Hub{subs: make(map[int]chan Message)}
}

// Subscribe returns a channel receiving every published message.
func (h *Hub) Subscribe(buf int) (<-chan Message, func(), error) {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return nil, nil, h.closeErr // BAD: closeErr is stored in a later critical section than closed=true, so this unlocked read races with it
	}
	h.nextID++
	id := h.nextID
	ch := make(chan Message, buf)
	h.subs[id] = ch
	h.mu.Unlock()
	return ch, func() { h.unsubscribe(id) }, nil
}

func (h *Hub) unsubscribe(id int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if ch, ok := h.subs[id]; ok {
		delete(h.subs, id)
		close(ch)
	}
}

// Publish delivers m to every subscriber without blocking.
func (h *Hub) Publish(m Message) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return ErrHubClosed
	}
	for _, ch := range h.subs {
		select {
		case ch <- m:
		default:
			h.dropped++
		}
	}
	return nil
}

// Err reports why the hub was shut down.
func (h *Hub) Err() error {
	h.mu.Lock()
	closed := h.closed
	h.mu.Unlock()
	if !closed {
		return nil
	}
	return h.closeErr // BAD: closed is published before closeErr is written, so seeing closed does not order this read after the write
}

// Shutdown closes every subscription and records reason.
func (h *Hub) Shutdown(reason error) {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return
	}
	h.closed = true
	subs := h.subs
	h.subs = nil
	h.mu.Unlock()

	for _, ch := range subs {
		close(ch)
	}

	if reason == nil {
		reason = ErrHubClosed
	}
	h.mu.Lock()
	h.closeErr = reason
	h.mu.Unlock()
}
