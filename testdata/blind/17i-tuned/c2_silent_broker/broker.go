// Package notify delivers change notifications to in-process watchers.
package notify

import (
	"sync"
	"sync/atomic"
)

// Change describes an updated configuration key.
type Change struct {
	Key     string
	Version int64
}

// Watcher receives changes for one key prefix.
type Watcher struct {
	id     uint64
	prefix string
	C      chan Change
}

// Hub routes changes to watchers.
type Hub struct {
	mu       sync.RWMutex
	watchers map[uint64]*Watcher
	nextID   atomic.Uint64
	dropped  atomic.Int64
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{watchers: make(map[uint64]*Watcher)}
}

// Watch registers a watcher for keys starting with prefix.
func (h *Hub) Watch(prefix string) *Watcher {
	w := &Watcher{id: h.nextID.Add(1), prefix: prefix, C: make(chan Change, 16)}
	h.mu.Lock()
	h.watchers[w.id] = w
	h.mu.Unlock()
	return w
}

// Unwatch removes w and closes its channel. Calling it twice is harmless.
func (h *Hub) Unwatch(w *Watcher) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.watchers[w.id]; !ok {
		return
	}
	delete(h.watchers, w.id)
	close(w.C)
}

// Notify sends c to every matching watcher without blocking; watchers
// that are behind lose the change.
func (h *Hub) Notify(c Change) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, w := range h.watchers {
		if len(c.Key) < len(w.prefix) || c.Key[:len(w.prefix)] != w.prefix {
			continue
		}
		select {
		case w.C <- c:
		default:
			h.dropped.Add(1)
		}
	}
}

// Dropped reports how many changes were lost to slow watchers.
func (h *Hub) Dropped() int64 { return h.dropped.Load() }

// Close unwatches everyone.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for id, w := range h.watchers {
		delete(h.watchers, id)
		close(w.C)
	}
}
