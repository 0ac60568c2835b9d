package b1_rpc_reconnect

import (
	"bufio"
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"time"
)

// Dialer opens a fresh transport connection to the RPC server.
type Dialer func(ctx context.Context) (net.Conn, error)

// Client is a line-oriented RPC client that keeps its session alive and
// transparently redials when the server drops the connection.
type Client struct {
	dial      Dialer
	sessionID string

	ready     chan struct{}
	readyOnce sync.Once
	done      chan struct{}
	closeOnce sync.Once
}

// NewClient dials the server and blocks until the first session is
// established or ctx expires.
func NewClient(ctx context.Context, dial Dialer) (*Client, error) {
	c := &Client{
		dial:  dial,
		ready: make(chan struct{}),
		done:  make(chan struct{}),
	}
	go c.connLoop()
	select {
	case <-c.ready:
		return c, nil
	case <-ctx.Done():
		c.Close()
		return nil, ctx.Err()
	}
}

// SessionID returns the identifier the server assigned to this client.
func (c *Client) SessionID() string {
	return c.sessionID
}

// Close stops the reconnect loop.
func (c *Client) Close() error {
	c.closeOnce.Do(func() { close(c.done) })
	return nil
}

func (c *Client) connLoop() {
	backoff := 50 * time.Millisecond
	for {
		select {
		case <-c.done:
			return
		default:
		}
		conn, err := c.dial(context.Background())
		if err == nil {
			err = c.serve(conn)
			conn.Close()
		}
		select {
		case <-c.done:
			return
		case <-time.After(backoff):
		}
		if backoff < 2*time.Second {
			backoff *= 2
		}
	}
}

func (c *Client) serve(conn net.Conn) error {
	r := bufio.NewReader(conn)
	line, err := r.ReadString('\n')
	if err != nil {
		return err
	}
	id, ok := strings.CutPrefix(strings.TrimSpace(line), "SESSION ")
	if !ok {
		return errors.New("rpc: unexpected greeting")
	}
	c.sessionID = id // BAD: rewritten on every reconnect after ready was closed, racing with unlocked SessionID()
	c.readyOnce.Do(func() { close(c.ready) })
	for {
		if _, err := r.ReadString('\n'); err != nil {
			return err
		}
	}
}
