package b1_upstream_dial

import (
	"context"
	"errors"
	"net"
	"strings"
	"time"
)

// Upstream is a connection to a backend plus the context that governs it.
type Upstream struct {
	Conn   net.Conn
	ctx    context.Context
	cancel context.CancelFunc
}

// Close tears down the upstream connection and its context.
func (u *Upstream) Close() error {
	u.cancel()
	return u.Conn.Close()
}

// Dialer connects to upstream backends.
type Dialer struct {
	Timeout time.Duration
	// DialContext can be replaced by tests.
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error)
}

// NewDialer returns a Dialer using the standard net.Dialer.
func NewDialer(timeout time.Duration) *Dialer {
	nd := &net.Dialer{Timeout: timeout}
	return &Dialer{Timeout: timeout, DialContext: nd.DialContext}
}

var errBadAddr = errors.New("upstream: address must be host:port")

func validate(addr string) error {
	if !strings.Contains(addr, ":") {
		return errBadAddr
	}
	return nil
}

// Dial opens a connection to addr whose lifetime is tied to the returned Upstream.
func (d *Dialer) Dial(parent context.Context, addr string) (*Upstream, error) {
	ctx, cancel := context.WithCancel(parent) // BAD: cancel is not called when validate or DialContext fails
	if err := validate(addr); err != nil {
		return nil, err
	}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Upstream{Conn: conn, ctx: ctx, cancel: cancel}, nil
}
