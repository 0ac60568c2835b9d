// Class 5, SILENT: Stop sets stopped and calls cancel while holding h.mu, the lock every Publish holds while it checks stopped and sends, then waits for run; run closes events only after ctx is done, so no Publish can send after the close.
package c5_silent_hubdrain

import (
	"context"
	"sync"
)

type Event struct {
	Topic string
	Data  []byte
}

type Hub struct {
	mu      sync.Mutex
	stopped bool
	events  chan Event
	subs    map[string][]func(Event)

	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewHub(buf int) *Hub {
	ctx, cancel := context.WithCancel(context.Background())
	h := &Hub{events: make(chan Event, buf), subs: map[string][]func(Event){}, cancel: cancel}
	h.wg.Add(1)
	go h.run(ctx)
	return h
}

// Publish queues e; it drops the event when the queue is full or the hub stopped.
func (h *Hub) Publish(e Event) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return false
	}
	select {
	case h.events <- e:
		return true
	default:
		return false
	}
}

func (h *Hub) Subscribe(topic string, fn func(Event)) {
	h.mu.Lock()
	h.subs[topic] = append(h.subs[topic], fn)
	h.mu.Unlock()
}

func (h *Hub) dispatch(e Event) {
	h.mu.Lock()
	fns := append([]func(Event){}, h.subs[e.Topic]...)
	h.mu.Unlock()
	for _, fn := range fns {
		fn(e)
	}
}

func (h *Hub) run(ctx context.Context) {
	defer h.wg.Done()
	for {
		select {
		case e := <-h.events:
			h.dispatch(e)
		case <-ctx.Done():
			close(h.events)
			for e := range h.events { // deliver what was queued before Stop
				h.dispatch(e)
			}
			return
		}
	}
}

func (h *Hub) Stop() {
	h.mu.Lock()
	h.stopped = true
	h.cancel()
	h.mu.Unlock()
	h.wg.Wait()
}
