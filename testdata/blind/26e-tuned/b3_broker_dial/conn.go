package b3_broker_dial

import (
	"bufio"
	"errors"
	"log"
	"net"
	"strconv"
	"strings"
	"time"
)

const defaultMaxFrame = 4096

// Conn is a connection to a message broker. The broker advertises the
// largest frame it accepts right after the TCP connection is set up.
type Conn struct {
	nc       net.Conn
	w        *bufio.Writer
	maxFrame int
	closed   chan struct{}
}

// Dial connects to the broker at addr and waits briefly for its
// capability line.
func Dial(addr string, handshakeTimeout time.Duration) (*Conn, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c := &Conn{nc: nc, w: bufio.NewWriter(nc), closed: make(chan struct{})}
	ready := make(chan struct{})
	go c.readLoop(ready)

	t := time.NewTimer(handshakeTimeout)
	defer t.Stop()
	select {
	case <-ready:
	case <-t.C:
		// Slow brokers still work; we just start with the default limit.
		log.Printf("broker %s: capabilities not received in %v, continuing", addr, handshakeTimeout)
	}
	return c, nil
}

// MaxFrameSize is the largest payload Publish will send in one frame.
func (c *Conn) MaxFrameSize() int {
	if c.maxFrame == 0 {
		return defaultMaxFrame
	}
	return c.maxFrame
}

// Publish sends body on topic, refusing bodies the broker cannot take.
func (c *Conn) Publish(topic string, body []byte) error {
	if len(body) > c.MaxFrameSize() {
		return errors.New("broker: message exceeds max frame size")
	}
	if _, err := c.w.WriteString("PUB " + topic + " " + strconv.Itoa(len(body)) + "\n"); err != nil {
		return err
	}
	if _, err := c.w.Write(body); err != nil {
		return err
	}
	return c.w.Flush()
}

func (c *Conn) Close() error {
	err := c.nc.Close()
	<-c.closed
	return err
}

func (c *Conn) readLoop(ready chan<- struct{}) {
	defer close(c.closed)
	r := bufio.NewReader(c.nc)
	line, err := r.ReadString('\n')
	if err != nil {
		return
	}
	c.applyCaps(line)
	close(ready)
	for {
		if _, err := r.ReadString('\n'); err != nil {
			return
		}
	}
}

func (c *Conn) applyCaps(line string) {
	for _, kv := range strings.Fields(line) {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k != "max_frame" {
			continue
		}
		if n, err := strconv.Atoi(v); err == nil {
			c.maxFrame = n // BAD: on the timeout path Dial already returned c, so Publish/MaxFrameSize read this unlocked concurrently
		}
	}
}
