// Correct: caps is written only while still nil (first handshake) just before ready is closed; reconnects leave it alone and Open waits for ready, returning nil on timeout.
package g3_caps_client

import (
	"bufio"
	"errors"
	"net"
	"strings"
	"sync"
	"time"
)

var ErrHandshakeTimeout = errors.New("caps: server capabilities not received in time")

// Client keeps a connection to a feature server and redials on failure.
// The capability set is fixed by the first handshake for the client's life.
type Client struct {
	addr      string
	caps      map[string]bool
	ready     chan struct{}
	quit      chan struct{}
	closeOnce sync.Once
}

// Open connects to addr and waits up to timeout for the capability list.
func Open(addr string, timeout time.Duration) (*Client, error) {
	c := &Client{addr: addr, ready: make(chan struct{}), quit: make(chan struct{})}
	go c.loop()
	select {
	case <-c.ready:
		return c, nil
	case <-time.After(timeout):
		c.Close()
		return nil, ErrHandshakeTimeout
	}
}

// Has reports whether the server advertised capability name.
func (c *Client) Has(name string) bool { return c.caps[name] }

// Capabilities returns the advertised capabilities.
func (c *Client) Capabilities() []string {
	out := make([]string, 0, len(c.caps))
	for k := range c.caps {
		out = append(out, k)
	}
	return out
}

func (c *Client) Close() error {
	c.closeOnce.Do(func() { close(c.quit) })
	return nil
}

func (c *Client) loop() {
	for {
		if nc, err := net.DialTimeout("tcp", c.addr, 2*time.Second); err == nil {
			c.session(nc)
			nc.Close()
		}
		select {
		case <-c.quit:
			return
		case <-time.After(500 * time.Millisecond):
		}
	}
}

func (c *Client) session(nc net.Conn) {
	r := bufio.NewReader(nc)
	line, err := r.ReadString('\n')
	if err != nil {
		return
	}
	if c.caps == nil {
		caps := make(map[string]bool)
		for _, f := range strings.Fields(strings.TrimPrefix(line, "CAPS")) {
			caps[f] = true
		}
		c.caps = caps
		close(c.ready)
	}
	go func() {
		<-c.quit
		nc.Close()
	}()
	for {
		if _, err := r.ReadString('\n'); err != nil {
			return
		}
	}
}
