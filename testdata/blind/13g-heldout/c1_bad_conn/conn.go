package flow

import (
	"io"
	"sync"
)

type Conn struct {
	mu       sync.Mutex
	closed   bool
	peerName string
	writeErr error

	dst     io.Writer
	writes  chan []byte
	credits chan int
	stop    chan struct{}

	window  int
	backlog [][]byte
	sent    int
}

func Dial(dst io.Writer, peer string, initialWindow int) *Conn {
	c := &Conn{
		dst:      dst,
		peerName: peer,
		writes:   make(chan []byte, 16),
		credits:  make(chan int, 16),
		stop:     make(chan struct{}),
		window:   initialWindow,
	}
	go c.pump()
	return c
}

func (c *Conn) Write(p []byte) (int, error) {
	select {
	case c.writes <- append([]byte(nil), p...):
		return len(p), nil
	case <-c.stop:
		return 0, io.ErrClosedPipe
	}
}

func (c *Conn) Grant(n int) {
	select {
	case c.credits <- n:
	case <-c.stop:
	}
}

func (c *Conn) SetWindow(n int) {
	c.window = n
}

func (c *Conn) Peer() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.peerName
}

func (c *Conn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closed {
		c.closed = true
		close(c.stop)
	}
	return c.writeErr
}
