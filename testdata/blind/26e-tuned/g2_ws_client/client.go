// Correct: version/helloErr are written once before the single send on c.hello, and NewClient receives it before returning c (nil on error).
package g2_ws_client

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

// Handler receives every message after the handshake.
type Handler func(msg string)

// Client speaks a small framed protocol over any duplex stream. The server
// answers the client hello with "PROTO <version>".
type Client struct {
	rw       io.ReadWriteCloser
	handler  Handler
	version  string
	helloErr error
	hello    chan struct{}
	done     chan struct{}
}

// NewClient sends the hello and waits for the negotiated version.
func NewClient(rw io.ReadWriteCloser, supported []string, h Handler) (*Client, error) {
	c := &Client{
		rw:      rw,
		handler: h,
		hello:   make(chan struct{}, 1),
		done:    make(chan struct{}),
	}
	if _, err := io.WriteString(rw, "HELLO "+strings.Join(supported, ",")+"\n"); err != nil {
		return nil, err
	}
	go c.run()
	<-c.hello
	if c.helloErr != nil {
		rw.Close()
		return nil, c.helloErr
	}
	return c, nil
}

// Version returns the protocol version the server picked.
func (c *Client) Version() string { return c.version }

// Supports reports whether the negotiated version is at least v2.
func (c *Client) Supports(feature string) bool {
	return feature == "batch" && c.Version() >= "v2"
}

func (c *Client) Close() error {
	err := c.rw.Close()
	<-c.done
	return err
}

func (c *Client) run() {
	defer close(c.done)
	r := bufio.NewReader(c.rw)
	line, err := r.ReadString('\n')
	if err != nil {
		c.helloErr = err
		c.hello <- struct{}{}
		return
	}
	v, ok := strings.CutPrefix(strings.TrimSpace(line), "PROTO ")
	if !ok {
		c.helloErr = errors.New("ws: server rejected hello: " + strings.TrimSpace(line))
		c.hello <- struct{}{}
		return
	}
	c.version = v
	c.hello <- struct{}{}

	for {
		msg, err := r.ReadString('\n')
		if err != nil {
			return
		}
		if c.handler != nil {
			c.handler(strings.TrimSuffix(msg, "\n"))
		}
	}
}
