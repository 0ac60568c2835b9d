// Correct: the Add happens under p.mu after the closed check, and the request goroutines call Done without ever taking p.mu, so Close can wait while holding it.
package g1_peer_client

import (
	"context"
	"errors"
	"sync"
	"time"
)

var ErrClosed = errors.New("peer: client closed")

// Transport sends one message to a remote peer.
type Transport interface {
	RoundTrip(ctx context.Context, msg []byte) ([]byte, error)
}

// Result is the outcome of one asynchronous request.
type Result struct {
	Reply []byte
	Err   error
}

// Client issues asynchronous requests to one peer.
type Client struct {
	addr    string
	tr      Transport
	timeout time.Duration
	wg      sync.WaitGroup

	mu       sync.Mutex
	closed   bool
	requests uint64
}

// NewClient returns a client for addr.
func NewClient(addr string, tr Transport) *Client {
	return &Client{addr: addr, tr: tr, timeout: 5 * time.Second}
}

// Go sends msg in the background; the result arrives on the returned channel.
func (c *Client) Go(ctx context.Context, msg []byte) (<-chan Result, error) {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, ErrClosed
	}
	c.requests++
	c.wg.Add(1)
	c.mu.Unlock()

	out := make(chan Result, 1)
	go func() {
		defer c.wg.Done()
		ctx, cancel := context.WithTimeout(ctx, c.timeout)
		defer cancel()
		reply, err := c.tr.RoundTrip(ctx, msg)
		out <- Result{Reply: reply, Err: err}
	}()
	return out, nil
}

// Requests returns the number of requests issued so far.
func (c *Client) Requests() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.requests
}

// Close rejects new requests and waits for the outstanding ones.
func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return ErrClosed
	}
	c.closed = true
	c.wg.Wait()
	return nil
}
