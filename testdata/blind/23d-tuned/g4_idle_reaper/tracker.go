// Correct: Send pushes under t.mu.RLock on a conn just found in t.conns; reap and Drop delete under t.mu.Lock and only afterwards call c.shutdown, after which the conn loop's deferred close(outbox) runs.
package g4_idle_reaper

import (
	"io"
	"sync"
	"sync/atomic"
	"time"
)

type wsConn struct {
	id         string
	w          io.Writer
	outbox     chan []byte
	done       chan struct{}
	closeOnce  sync.Once
	lastActive atomic.Int64
}

func (c *wsConn) writeLoop() {
	defer close(c.outbox)
	for {
		select {
		case <-c.done:
			return
		case msg := <-c.outbox:
			if _, err := c.w.Write(msg); err != nil {
				// Keep draining until the tracker drops us; the reaper will
				// notice we stopped being active.
				continue
			}
			c.lastActive.Store(time.Now().UnixNano())
		}
	}
}

func (c *wsConn) shutdown() {
	c.closeOnce.Do(func() { close(c.done) })
}

// Tracker keeps websocket connections and reaps idle ones.
type Tracker struct {
	mu      sync.RWMutex
	conns   map[string]*wsConn
	maxIdle time.Duration
	quit    chan struct{}
}

func NewTracker(maxIdle time.Duration) *Tracker {
	t := &Tracker{conns: make(map[string]*wsConn), maxIdle: maxIdle, quit: make(chan struct{})}
	go t.reaper()
	return t
}

func (t *Tracker) Register(id string, w io.Writer) {
	c := &wsConn{id: id, w: w, outbox: make(chan []byte, 64), done: make(chan struct{})}
	c.lastActive.Store(time.Now().UnixNano())
	t.mu.Lock()
	old := t.conns[id]
	t.conns[id] = c
	t.mu.Unlock()
	if old != nil {
		old.shutdown()
	}
	go c.writeLoop()
}

func (t *Tracker) Send(id string, msg []byte) bool {
	t.mu.RLock()
	defer t.mu.RUnlock()
	c := t.conns[id]
	if c == nil {
		return false
	}
	select {
	case c.outbox <- msg:
		return true
	default:
		return false
	}
}

func (t *Tracker) Drop(id string) {
	t.mu.Lock()
	c := t.conns[id]
	delete(t.conns, id)
	t.mu.Unlock()
	if c != nil {
		c.shutdown()
	}
}

func (t *Tracker) reap(now time.Time) {
	var idle []*wsConn
	t.mu.Lock()
	for id, c := range t.conns {
		if now.Sub(time.Unix(0, c.lastActive.Load())) > t.maxIdle {
			idle = append(idle, c)
			delete(t.conns, id)
		}
	}
	t.mu.Unlock()
	for _, c := range idle {
		c.shutdown()
	}
}

func (t *Tracker) reaper() {
	tick := time.NewTicker(t.maxIdle / 2)
	defer tick.Stop()
	for {
		select {
		case <-t.quit:
			return
		case now := <-tick.C:
			t.reap(now)
		}
	}
}

// Close stops the reaper and every connection.
func (t *Tracker) Close() {
	close(t.quit)
	t.mu.Lock()
	all := t.conns
	t.conns = map[string]*wsConn{}
	t.mu.Unlock()
	for _, c := range all {
		c.shutdown()
	}
}
