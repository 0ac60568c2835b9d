package b4_stream_watch

import (
	"errors"
	"sync"
)

// Update is a change to a watched key.
type Update struct {
	Key, Value string
	Rev        int
}

var ErrClosed = errors.New("watch stream closed")

// Hub fans out puts to per-key watch streams.
type Hub struct {
	mu       sync.Mutex
	rev      int
	watchers map[string][]*Stream
}

func NewHub() *Hub { return &Hub{watchers: make(map[string][]*Stream)} }

type Stream struct {
	ch chan Update
}

// Recv blocks for the next update or returns ErrClosed.
func (s *Stream) Recv() (Update, error) {
	u, ok := <-s.ch
	if !ok {
		return Update{}, ErrClosed
	}
	return u, nil
}

func (h *Hub) Watch(key string) *Stream {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := &Stream{ch: make(chan Update, 16)}
	h.watchers[key] = append(h.watchers[key], s)
	return s
}

func (h *Hub) Put(key, value string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.rev++
	for _, s := range h.watchers[key] {
		s.ch <- Update{Key: key, Value: value, Rev: h.rev}
	}
}

// CloseWatchers ends every stream on key.
func (h *Hub) CloseWatchers(key string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, s := range h.watchers[key] {
		close(s.ch)
	}
	delete(h.watchers, key)
}
