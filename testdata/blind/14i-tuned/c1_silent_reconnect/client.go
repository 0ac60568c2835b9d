// Package pubsub holds a client that keeps a subscription connection alive.
package pubsub

import (
	"context"
	"sync"
	"time"
)

// Dialer opens a connection to the broker.
type Dialer func(ctx context.Context, addr string) (Conn, error)

// Conn is an open broker connection.
type Conn interface {
	Receive(ctx context.Context) ([]byte, error)
	Close() error
}

// Client maintains one broker connection and reconnects on failure.
type Client struct {
	addr    string
	dial    Dialer
	backoff time.Duration
	handle  func([]byte)

	mu      sync.Mutex
	running bool
	cancel  context.CancelFunc
	done    chan struct{}
}

// NewClient configures a client; call Start to connect.
func NewClient(addr string, dial Dialer, handle func([]byte)) *Client {
	return &Client{addr: addr, dial: dial, backoff: 200 * time.Millisecond, handle: handle}
}

// Start launches the reconnect loop. Calling Start on a running client does nothing.
func (c *Client) Start() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.running {
		return
	}
	c.running = true
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	c.done = make(chan struct{})
	go c.loop(ctx, c.done)
}

func (c *Client) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	for {
		conn, err := c.dial(ctx, c.addr)
		if err == nil {
			c.consume(ctx, conn)
			conn.Close()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(c.backoff):
		}
	}
}

func (c *Client) consume(ctx context.Context, conn Conn) {
	for {
		msg, err := conn.Receive(ctx)
		if err != nil {
			return
		}
		c.handle(msg)
	}
}

// Stop ends the reconnect loop and waits for it to finish.
func (c *Client) Stop() {
	c.mu.Lock()
	if !c.running {
		c.mu.Unlock()
		return
	}
	c.running = false
	cancel, done := c.cancel, c.done
	c.mu.Unlock()
	cancel()
	<-done
}
