// GOOD: every return after the keepalive goroutine starts cancels via the deferred !ok guard; the handshake deadline's cancel is deferred.
package g4_rpc_dial

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"
)

// Client is a connected RPC client with a background keepalive.
type Client struct {
	conn  net.Conn
	close context.CancelFunc
}

// Dialer abstracts net.Dialer for tests.
type Dialer interface {
	DialContext(ctx context.Context, network, addr string) (net.Conn, error)
}

// Dial connects to addr, performs the version handshake and starts a
// keepalive goroutine that runs until Close or until ctx is cancelled.
func Dial(ctx context.Context, d Dialer, addr string, keepalive time.Duration) (c *Client, err error) {
	cctx, cancel := context.WithCancel(ctx)
	ok := false
	defer func() {
		if !ok {
			cancel()
		}
	}()

	conn, err := d.DialContext(cctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	go keepaliveLoop(cctx, conn, keepalive)

	if err := handshake(cctx, conn, time.Now().Add(3*time.Second)); err != nil {
		conn.Close()
		return nil, fmt.Errorf("handshake %s: %w", addr, err)
	}
	ok = true
	return &Client{conn: conn, close: cancel}, nil
}

func handshake(ctx context.Context, conn net.Conn, deadline time.Time) error {
	hctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	if dl, ok := hctx.Deadline(); ok {
		conn.SetDeadline(dl)
		defer conn.SetDeadline(time.Time{})
	}
	if _, err := conn.Write([]byte("RPC/1\n")); err != nil {
		return err
	}
	buf := make([]byte, 6)
	if _, err := conn.Read(buf); err != nil {
		return err
	}
	if string(buf) != "RPC/1\n" {
		return errors.New("version mismatch")
	}
	return hctx.Err()
}

func keepaliveLoop(ctx context.Context, conn net.Conn, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			conn.Close()
			return
		case <-t.C:
			if _, err := conn.Write([]byte("PING\n")); err != nil {
				return
			}
		}
	}
}

// Close stops the keepalive, which closes the connection.
func (c *Client) Close() error {
	c.close()
	return nil
}
