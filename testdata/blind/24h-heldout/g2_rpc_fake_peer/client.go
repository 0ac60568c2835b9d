// Correct: the client has no background loops; the endless echo peer lives only in a subtest, started once.
package g2_rpc_fake_peer

import (
	"context"
	"errors"
	"sync"
)

// Frame is one request or response on the wire.
type Frame struct {
	ID     uint32
	Method string
	Body   string
}

// Transport is a bidirectional frame pipe to a peer.
type Transport struct {
	Send chan<- Frame
	Recv <-chan Frame
}

// Client issues one call at a time over a Transport.
type Client struct {
	mu     sync.Mutex
	tr     Transport
	nextID uint32
}

// NewClient wraps tr.
func NewClient(tr Transport) *Client { return &Client{tr: tr} }

// ErrMismatch is returned when the peer answers a different request.
var ErrMismatch = errors.New("rpc: response id mismatch")

// Call sends method/body and waits for the matching response.
func (c *Client) Call(ctx context.Context, method, body string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	req := Frame{ID: c.nextID, Method: method, Body: body}
	select {
	case c.tr.Send <- req:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	select {
	case resp := <-c.tr.Recv:
		if resp.ID != req.ID {
			return "", ErrMismatch
		}
		return resp.Body, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
