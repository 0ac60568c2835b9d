// Correct: Close holds t.stateMu during Wait, but the connection goroutines only lock t.connsMu (a different mutex) before Done.
package g3_conn_tracker

import (
	"errors"
	"net"
	"sync"
)

var ErrTrackerClosed = errors.New("tracker: closed")

// ConnHandler serves one accepted connection.
type ConnHandler func(net.Conn)

// Tracker runs a handler per connection and remembers the live ones so they
// can be force-closed on shutdown.
type Tracker struct {
	handle ConnHandler
	wg     sync.WaitGroup

	stateMu sync.Mutex
	closing bool

	connsMu sync.Mutex
	conns   map[net.Conn]struct{}
}

// NewTracker returns a tracker that serves connections with h.
func NewTracker(h ConnHandler) *Tracker {
	return &Tracker{handle: h, conns: make(map[net.Conn]struct{})}
}

func (t *Tracker) add(c net.Conn) {
	t.connsMu.Lock()
	t.conns[c] = struct{}{}
	t.connsMu.Unlock()
}

func (t *Tracker) remove(c net.Conn) {
	t.connsMu.Lock()
	delete(t.conns, c)
	t.connsMu.Unlock()
}

// Serve takes ownership of c and handles it in its own goroutine.
func (t *Tracker) Serve(c net.Conn) error {
	t.stateMu.Lock()
	if t.closing {
		t.stateMu.Unlock()
		c.Close()
		return ErrTrackerClosed
	}
	t.wg.Add(1)
	t.add(c)
	t.stateMu.Unlock()

	go func() {
		defer t.wg.Done()
		defer t.remove(c)
		defer c.Close()
		t.handle(c)
	}()
	return nil
}

// Len reports the number of live connections.
func (t *Tracker) Len() int {
	t.connsMu.Lock()
	defer t.connsMu.Unlock()
	return len(t.conns)
}

// Close force-closes every live connection and waits for the handlers.
func (t *Tracker) Close() error {
	t.stateMu.Lock()
	defer t.stateMu.Unlock()
	if t.closing {
		return ErrTrackerClosed
	}
	t.closing = true

	t.connsMu.Lock()
	for c := range t.conns {
		c.Close()
	}
	t.connsMu.Unlock()

	t.wg.Wait()
	return nil
}
