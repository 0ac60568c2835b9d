// Package unsubscribe: a subscription closed while the hub may still
// deliver to it.
package unsubscribe

import "sync"

type Hub struct {
	mu    sync.Mutex
	feeds map[*Feed]struct{}
}

type Feed struct {
	hub *Hub
	in  chan []byte
}

// Deliver sends under the hub's lock to every registered feed.
func (h *Hub) Deliver(b []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for f := range h.feeds {
		f.in <- b
	}
}

func (h *Hub) Join() *Feed {
	f := &Feed{hub: h, in: make(chan []byte, 16)}
	h.mu.Lock()
	h.feeds[f] = struct{}{}
	h.mu.Unlock()
	return f
}

func (f *Feed) Recv() ([]byte, bool) {
	b, ok := <-f.in
	return b, ok
}

// Bad: a Deliver that holds the lock between the close and the
// unregistering sends on the closed channel.
func (f *Feed) Leave() {
	close(f.in) // want `f.in closed before taking the lock its senders hold: a send may still follow`
	f.hub.mu.Lock()
	delete(f.hub.feeds, f)
	f.hub.mu.Unlock()
}

// Near-misses, silent.

// Closed inside the critical section that unregisters it: Deliver
// either finished before or no longer sees the feed.
func (f *Feed) LeaveLocked() {
	f.hub.mu.Lock()
	delete(f.hub.feeds, f)
	close(f.in)
	f.hub.mu.Unlock()
}

// Closed after the critical section: no Deliver can find it again.
func (f *Feed) LeaveAfter() {
	f.hub.mu.Lock()
	delete(f.hub.feeds, f)
	f.hub.mu.Unlock()
	close(f.in)
}

// A closed flag under the senders' mutex.
type Notifier struct {
	mu     sync.Mutex
	closed bool
	out    chan string
	stop   chan struct{}
}

func (n *Notifier) Notify(s string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed {
		return
	}
	select {
	case n.out <- s:
	default:
	}
}

func (n *Notifier) Close() {
	n.mu.Lock()
	n.closed = true
	close(n.out)
	n.mu.Unlock()
	close(n.stop) // a broadcast: nobody sends on stop
}

// sync.Once in the senders: the sender that finishes last closes.
type Fanin struct {
	once sync.Once
	mu   sync.Mutex
	n    int
	out  chan int
}

func (f *Fanin) send(v int) {
	f.mu.Lock()
	f.out <- v
	f.n--
	last := f.n == 0
	f.mu.Unlock()
	if last {
		f.once.Do(func() { close(f.out) })
	}
}
