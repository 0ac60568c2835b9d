// Package rpcconn implements a framed RPC connection with a write buffer.
package rpcconn

import (
	"errors"
	"sync"
	"syscall"
)

var ErrClosed = errors.New("rpcconn: closed")

type Conn struct {
	mu        sync.Mutex
	fd        int
	buf       []byte
	writeList [][]byte
	closed    bool
	done      chan struct{}
}

func New(fd int) *Conn {
	return &Conn{fd: fd, buf: make([]byte, 0, 1024), done: make(chan struct{})}
}

func (c *Conn) Send(msg []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return ErrClosed
	}
	c.writeList = append(c.writeList, msg)
	return nil
}

func (c *Conn) Flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return ErrClosed
	}
	c.buf = c.buf[:0]
	for _, m := range c.writeList {
		c.buf = append(c.buf, m...)
	}
	c.writeList = c.writeList[:0]
	_, err := syscall.Write(c.fd, c.buf)
	return err
}

func (c *Conn) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0
	}
	return len(c.writeList)
}

func (c *Conn) Done() <-chan struct{} { return c.done }

func (c *Conn) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return ErrClosed
	}
	c.closed = true
	c.mu.Unlock()

	var err error
	defer func() {
		c.release()
		close(c.done)
	}()
	err = syscall.Close(c.fd)
	return err
}

func (c *Conn) release() {
	c.buf = nil
	c.writeList = nil
	c.fd = -1
}
