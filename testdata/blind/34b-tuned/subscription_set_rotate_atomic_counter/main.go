// GOOD: Rotate walks the subscriptions under Hub.mu and resets sub.dropped, but
// dropped is an atomic.Int64 that every path updates atomically; the slice that
// sub.mu guards is only touched under sub.mu.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// Sub is a bounded mailbox for one subscriber.
type Sub struct {
	name string
	cap  int

	mu    sync.Mutex
	queue []string

	dropped atomic.Int64
}

func (s *Sub) offer(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) >= s.cap {
		s.dropped.Add(1)
		return
	}
	s.queue = append(s.queue, msg)
}

func (s *Sub) take() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) == 0 {
		return "", false
	}
	m := s.queue[0]
	s.queue = s.queue[1:]
	return m, true
}

// Hub broadcasts messages to all subscribers.
type Hub struct {
	mu   sync.RWMutex
	subs []*Sub
}

func (h *Hub) Join(name string, capacity int) *Sub {
	s := &Sub{name: name, cap: capacity}
	h.mu.Lock()
	h.subs = append(h.subs, s)
	h.mu.Unlock()
	return s
}

func (h *Hub) Broadcast(msg string) {
	h.mu.RLock()
	subs := h.subs
	h.mu.RUnlock()
	for _, s := range subs {
		s.offer(msg)
	}
}

// Rotate returns the drop counts for the last period and starts a new one.
func (h *Hub) Rotate() map[string]int64 {
	h.mu.RLock()
	defer h.mu.RUnlock()
	out := make(map[string]int64, len(h.subs))
	for _, s := range h.subs {
		out[s.name] = s.dropped.Swap(0)
	}
	return out
}

func main() {
	h := &Hub{}
	fast := h.Join("fast", 1000)
	slow := h.Join("slow", 10)

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				h.Broadcast(fmt.Sprintf("tick %d/%d", i, j))
			}
		}(i)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			if _, ok := fast.take(); !ok {
				return
			}
		}
	}()
	wg.Wait()
	_, _ = slow.take()
	fmt.Println("drops:", h.Rotate())
}
