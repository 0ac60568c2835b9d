// Package b4_lease_acquire is a client for a distributed lock service.
package b4_lease_acquire

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type respKind int

const (
	kindGranted respKind = iota
	kindBusy
	kindRedirect
	kindFenced
)

type acquireResp struct {
	Kind   respKind
	Token  uint64
	TTL    time.Duration
	Leader string
}

type conn interface {
	Acquire(ctx context.Context, name, owner string) (*acquireResp, error)
	KeepAlive(ctx context.Context, token uint64) error
}

var (
	ErrBusy     = errors.New("lease: held by another owner")
	ErrNotOwner = errors.New("lease: lost ownership")
)

type Client struct {
	conn  conn
	owner string
}

func NewClient(c conn, owner string) *Client { return &Client{conn: c, owner: owner} }

// Lease is a held lock; its context is cancelled when the lease is lost or released.
type Lease struct {
	Token  uint64
	ctx    context.Context
	cancel context.CancelCauseFunc
}

func (l *Lease) Context() context.Context { return l.ctx }

func (l *Lease) Release() { l.cancel(nil) }

// Acquire tries once to take the named lock.
func (c *Client) Acquire(ctx context.Context, name string) (*Lease, error) {
	lctx, cancel := context.WithCancelCause(ctx) // BAD: the default case of the switch returns without calling cancel
	resp, err := c.conn.Acquire(lctx, name, c.owner)
	if err != nil {
		cancel(err)
		return nil, err
	}
	switch resp.Kind {
	case kindGranted:
		l := &Lease{Token: resp.Token, ctx: lctx, cancel: cancel}
		go c.keepAlive(l, resp.TTL)
		return l, nil
	case kindBusy:
		cancel(ErrBusy)
		return nil, ErrBusy
	case kindRedirect:
		cancel(nil)
		return nil, fmt.Errorf("lease: not leader, try %s", resp.Leader)
	default:
		return nil, fmt.Errorf("lease: unexpected response kind %d", resp.Kind)
	}
}

func (c *Client) keepAlive(l *Lease, ttl time.Duration) {
	t := time.NewTicker(ttl / 3)
	defer t.Stop()
	for {
		select {
		case <-l.ctx.Done():
			return
		case <-t.C:
			if err := c.conn.KeepAlive(l.ctx, l.Token); err != nil {
				l.cancel(fmt.Errorf("%w: %v", ErrNotOwner, err))
				return
			}
		}
	}
}
