// Correct: Broadcast sends under h.mu.RLock to clients it iterates in h.clients; Unregister and Close remove clients under h.mu.Lock before cancelling, and writeLoop closes send only after cancellation (statsMu only guards counters).
package g3_hub_broadcast

import (
	"context"
	"io"
	"sync"
)

type client struct {
	id     int
	send   chan []byte
	cancel context.CancelFunc
	done   chan struct{}
}

func (c *client) writeLoop(ctx context.Context, w io.Writer) {
	defer close(c.done)
	defer close(c.send)
	for {
		select {
		case <-ctx.Done():
			return
		case msg := <-c.send:
			_, _ = w.Write(msg)
		}
	}
}

type Hub struct {
	mu      sync.RWMutex
	clients map[int]*client
	nextID  int

	statsMu sync.Mutex
	dropped int
	sent    int
}

func NewHub() *Hub {
	return &Hub{clients: make(map[int]*client)}
}

func (h *Hub) Register(ctx context.Context, w io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	h.mu.Lock()
	h.nextID++
	c := &client{id: h.nextID, send: make(chan []byte, 64), cancel: cancel, done: make(chan struct{})}
	h.clients[c.id] = c
	h.mu.Unlock()
	go c.writeLoop(ctx, w)
	return c.id
}

func (h *Hub) Broadcast(msg []byte) {
	var sent, dropped int
	h.mu.RLock()
	for _, c := range h.clients {
		select {
		case c.send <- msg:
			sent++
		default:
			dropped++
		}
	}
	h.mu.RUnlock()
	h.statsMu.Lock()
	h.sent += sent
	h.dropped += dropped
	h.statsMu.Unlock()
}

func (h *Hub) Unregister(id int) {
	h.mu.Lock()
	c, ok := h.clients[id]
	if ok {
		delete(h.clients, id)
	}
	h.mu.Unlock()
	if ok {
		c.cancel()
		<-c.done
	}
}

func (h *Hub) Close() {
	h.mu.Lock()
	old := h.clients
	h.clients = make(map[int]*client)
	h.mu.Unlock()
	for _, c := range old {
		c.cancel()
		<-c.done
	}
}

func (h *Hub) Stats() (sent, dropped int) {
	h.statsMu.Lock()
	defer h.statsMu.Unlock()
	return h.sent, h.dropped
}
