package main

import (
	"errors"
	"sync"
)

var errHubStopped = errors.New("hub: stopped")

type Port struct {
	name  string
	inbox chan string
}

func (p *Port) Inbox() <-chan string { return p.inbox }

// Hub fans out messages to in-process plugins.
type Hub struct {
	mu      sync.Mutex
	stopped bool
	ports   map[string]*Port
}

func NewHub() *Hub { return &Hub{ports: make(map[string]*Port)} }

// Attach registers a plugin port, or returns the one already registered
// under name. It only fails once the hub has been stopped.
func (h *Hub) Attach(name string) (*Port, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return nil, errHubStopped
	}
	if p, ok := h.ports[name]; ok {
		return p, nil
	}
	p := &Port{name: name, inbox: make(chan string, 16)}
	h.ports[name] = p
	return p, nil
}

func (h *Hub) Broadcast(msg string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, p := range h.ports {
		select {
		case p.inbox <- msg:
		default:
		}
	}
}

func (h *Hub) Stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return
	}
	h.stopped = true
	for name, p := range h.ports {
		close(p.inbox)
		delete(h.ports, name)
	}
}
