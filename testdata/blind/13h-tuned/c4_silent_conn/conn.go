package wire

import (
	"bufio"
	"encoding/binary"
	"io"
	"net"
	"sync"
)

const (
	frameData byte = iota + 1
	framePing
)

type Conn struct {
	nc       net.Conn
	br       *bufio.Reader
	handlers map[byte]func(payload []byte)

	lastSeq uint32
	pings   int
	dropped int

	mu        sync.Mutex
	ready     [][]byte
	pingCount int
	err       error
}

func NewConn(nc net.Conn) *Conn {
	c := &Conn{nc: nc, br: bufio.NewReader(nc)}
	c.handlers = map[byte]func([]byte){
		frameData: c.handleData,
		framePing: c.handlePing,
	}
	go c.readLoop()
	return c
}

func (c *Conn) readLoop() {
	var hdr [5]byte
	for {
		if _, err := io.ReadFull(c.br, hdr[:]); err != nil {
			c.fail(err)
			return
		}
		payload := make([]byte, binary.BigEndian.Uint32(hdr[1:]))
		if _, err := io.ReadFull(c.br, payload); err != nil {
			c.fail(err)
			return
		}
		if h, ok := c.handlers[hdr[0]]; ok {
			h(payload)
		}
	}
}

func (c *Conn) handleData(p []byte) {
	if len(p) < 4 {
		c.dropped++
		return
	}
	seq := binary.BigEndian.Uint32(p)
	if seq <= c.lastSeq {
		c.dropped++
		return
	}
	c.lastSeq = seq
	c.mu.Lock()
	c.ready = append(c.ready, p[4:])
	c.mu.Unlock()
}

func (c *Conn) handlePing(p []byte) {
	c.pings++
	c.nc.Write([]byte{framePing, 0, 0, 0, 0})
	c.mu.Lock()
	c.pingCount = c.pings
	c.mu.Unlock()
}

func (c *Conn) fail(err error) {
	c.mu.Lock()
	c.err = err
	c.mu.Unlock()
}

// Next returns the next received message, or nil if none is queued.
func (c *Conn) Next() ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.ready) == 0 {
		return nil, c.err
	}
	m := c.ready[0]
	c.ready = c.ready[1:]
	return m, nil
}

func (c *Conn) Pings() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pingCount
}

func (c *Conn) Close() error { return c.nc.Close() }
