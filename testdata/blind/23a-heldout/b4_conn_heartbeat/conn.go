package b4_conn_heartbeat

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

	quit     chan struct{}
	closed   chan struct{} // meant to signal that the heartbeat loop finished
	quitOnce sync.Once

	mu      sync.Mutex
	lastErr error
}

// Dial connects to addr and starts heartbeating.
func Dial(addr string, interval time.Duration) (*Conn, error) {
	nc, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	c := &Conn{
		nc:       nc,
		interval: interval,
		quit:     make(chan struct{}),
		closed:   make(chan struct{}),
	}
	go c.heartbeat() // BAD: the quit case only tears down the socket; nothing ever closes c.closed, so the loop never exits
	return c, nil
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
			teardown(c, "client closed")
		case <-c.closed:
			return
		}
	}
}

// teardown closes the socket and records why.
func teardown(c *Conn, reason string) {
	log.Printf("conn %s: teardown: %s", c.nc.RemoteAddr(), reason)
	if err := c.nc.Close(); err != nil {
		c.setErr(err)
	}
}

func (c *Conn) setErr(err error) {
	c.mu.Lock()
	if c.lastErr == nil {
		c.lastErr = err
	}
	c.mu.Unlock()
}

// Err returns the first error seen on the connection.
func (c *Conn) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lastErr
}

// Close stops heartbeating and closes the connection.
func (c *Conn) Close() error {
	c.quitOnce.Do(func() { close(c.quit) })
	return nil
}
