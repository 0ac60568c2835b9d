package b3_hub_topic_lock

import (
	"context"
	"io"
	"sync"
)

type client struct {
	id     int
	send   chan []byte
	cancel context.CancelFunc
	errs   int
}

func (c *client) writeLoop(ctx context.Context, w io.Writer) {
	defer close(c.send) // BAD: Publish finds the client while holding only topicMu, not mu, so it can still send after Unregister cancels
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-c.send:
			if _, err := w.Write(msg); err != nil {
				c.errs++
			}
		}
	}
}

// Hub fans published messages out to subscribed clients.
type Hub struct {
	mu      sync.Mutex // guards clients
	clients map[int]*client

	topicMu sync.RWMutex // guards topics
	topics  map[string][]int
	nextID  int
}

func NewHub() *Hub {
	return &Hub{clients: make(map[int]*client), topics: make(map[string][]int)}
}

func (h *Hub) Register(ctx context.Context, w io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	h.mu.Lock()
	h.nextID++
	c := &client{id: h.nextID, send: make(chan []byte, 32), cancel: cancel}
	h.clients[c.id] = c
	h.mu.Unlock()
	go c.writeLoop(ctx, w)
	return c.id
}

func (h *Hub) Subscribe(id int, topic string) {
	h.topicMu.Lock()
	h.topics[topic] = append(h.topics[topic], id)
	h.topicMu.Unlock()
}

// Publish delivers msg to every subscriber of topic, dropping it for slow ones.
func (h *Hub) Publish(topic string, msg []byte) (dropped int) {
	h.topicMu.RLock()
	defer h.topicMu.RUnlock()
	for _, id := range h.topics[topic] {
		c, ok := h.clients[id]
		if !ok {
			continue
		}
		select {
		case c.send <- msg:
		default:
			dropped++
		}
	}
	return dropped
}

// Unregister removes the client and stops its writer.
func (h *Hub) Unregister(id int) {
	h.mu.Lock()
	c, ok := h.clients[id]
	delete(h.clients, id)
	h.mu.Unlock()
	if ok {
		c.cancel()
	}
}
