package hub

import (
	"errors"
	"sync"
)

// Hub keeps a set of named sessions and notifies an observer of changes.
type Hub struct {
	mu       sync.Mutex
	sessions map[string]bool
	notify   func(event string)
	stopped  bool
}

// New returns a hub that reports changes to notify.
func New(notify func(string)) *Hub {
	return &Hub{sessions: map[string]bool{}, notify: notify}
}

// Join registers a session.
func (h *Hub) Join(id string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return errors.New("hub: stopped")
	}
	h.sessions[id] = true
	h.notify("join " + id)
	return nil
}

// Stop drops every session; it fails if sessions are still active and
// force is false.
func (h *Hub) Stop(force bool) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.sessions) > 0 && !force {
		return errors.New("hub: sessions still active")
	}
	h.stopped = true
	clear(h.sessions)
	return nil
}
