// Correct: the quit case calls c.shutdown, which closes c.closed (once), so the next turn takes the returning case.
package g3_conn_heartbeat

import (
	"log"
	"net"
	"sync"
	"time"
)

// Conn is a client connection that sends periodic heartbeats.
type Conn struct {
	nc       net.Conn
	interval time.Duration

	quit      chan struct{}
	closed    chan struct{}
	quitOnce  sync.Once
	closeOnce sync.Once

	mu      sync.Mutex
	lastErr error
}

// NewConn wraps an established connection and starts heartbeating.
func NewConn(nc net.Conn, interval time.Duration) *Conn {
	c := &Conn{
		nc:       nc,
		interval: interval,
		quit:     make(chan struct{}),
		closed:   make(chan struct{}),
	}
	go c.heartbeat()
	return c
}

func (c *Conn) heartbeat() {
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			c.nc.SetWriteDeadline(time.Now().Add(c.interval))
			if _, err := c.nc.Write([]byte("PING\r\n")); err != nil {
				c.setErr(err)
			}
		case <-c.quit:
			c.shutdown("client closed")
		case <-c.closed:
			return
		}
	}
}

// shutdown closes the socket and marks the connection closed.
func (c *Conn) shutdown(reason string) {
	c.closeOnce.Do(func() {
		log.Printf("conn %s: shutdown: %s", c.nc.RemoteAddr(), reason)
		if err := c.nc.Close(); err != nil {
			c.setErr(err)
		}
		close(c.closed)
	})
}

func (c *Conn) setErr(err error) {
	c.mu.Lock()
	if c.lastErr == nil {
		c.lastErr = err
	}
	c.mu.Unlock()
}

// Done is closed once the connection has shut down.
func (c *Conn) Done() <-chan struct{} { return c.closed }

// Close stops heartbeating and waits for the connection to shut down.
func (c *Conn) Close() error {
	c.quitOnce.Do(func() { close(c.quit) })
	<-c.closed
	return nil
}
