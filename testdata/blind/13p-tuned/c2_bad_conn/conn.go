// Package netbuf provides a buffered message connection.
package netbuf

import (
	"errors"
	"net"
	"sync"
)

var ErrClosed = errors.New("netbuf: connection closed")

type Conn struct {
	mu     sync.Mutex
	nc     net.Conn
	buf    []byte
	closed bool
}

func NewConn(nc net.Conn) *Conn {
	return &Conn{nc: nc, buf: make([]byte, 0, 4096)}
}

// Write queues p for the next Flush.
func (c *Conn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, ErrClosed
	}
	c.buf = append(c.buf, p...)
	return len(p), nil
}

// Flush sends all queued bytes.
func (c *Conn) Flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return ErrClosed
	}
	if len(c.buf) == 0 {
		return nil
	}
	_, err := c.nc.Write(c.buf)
	c.buf = c.buf[:0]
	return err
}

// Buffered reports how many bytes are waiting to be flushed.
func (c *Conn) Buffered() int {
	return len(c.buf)
}

func (c *Conn) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	c.mu.Unlock()

	c.buf = nil
	return c.nc.Close()
}

// Serve writes every message from msgs and reports the backlog.
func Serve(nc net.Conn, msgs <-chan []byte, backlog func(int)) {
	c := NewConn(nc)
	go func() {
		for m := range msgs {
			if _, err := c.Write(m); err != nil {
				return
			}
			backlog(c.Buffered())
			if err := c.Flush(); err != nil {
				return
			}
		}
		c.Close()
	}()
	go func() {
		var one [1]byte
		nc.Read(one[:])
		c.Close()
	}()
}
