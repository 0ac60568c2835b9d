// Package b2_dial_retry is an upstream client that connects with
// exponential backoff and lets callers wait until it is ready.
package b2_dial_retry

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"
)

// DialFunc opens a connection to addr.
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// Client holds a single connection to an upstream server.
type Client struct {
	addr        string
	dial        DialFunc
	backoff     time.Duration
	maxAttempts int

	mu    sync.Mutex
	conn  net.Conn
	ready chan struct{}
}

// NewClient returns a client that is not yet connected.
func NewClient(addr string, maxAttempts int) *Client {
	var d net.Dialer
	return &Client{
		addr:        addr,
		dial:        d.DialContext,
		backoff:     100 * time.Millisecond,
		maxAttempts: maxAttempts,
		ready:       make(chan struct{}),
	}
}

// Ready is closed once the first connection is established.
func (c *Client) Ready() <-chan struct{} { return c.ready }

// Connect dials the upstream, retrying with exponential backoff.
func (c *Client) Connect(ctx context.Context) error {
	var lastErr error
	for attempt := 0; attempt < c.maxAttempts; attempt++ {
		if attempt > 0 {
			select {
			case <-time.After(c.backoff << (attempt - 1)):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		conn, err := c.dial(ctx, "tcp", c.addr)
		if err != nil {
			lastErr = err
			continue
		}
		c.mu.Lock()
		if c.conn != nil {
			c.conn.Close()
		}
		c.conn = conn
		c.mu.Unlock()
		lastErr = nil
		close(c.ready) // BAD: no return/break after success, so a later successful attempt closes ready again
	}
	if lastErr != nil {
		return fmt.Errorf("connect %s after %d attempts: %w", c.addr, c.maxAttempts, lastErr)
	}
	return nil
}

// Close drops the current connection.
func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil {
		return nil
	}
	err := c.conn.Close()
	c.conn = nil
	return err
}
