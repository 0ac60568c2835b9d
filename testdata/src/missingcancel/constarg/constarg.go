// Package constarg: error returns after a request helper that can fail
// only for options its caller does not pass.
package constarg

import (
	"context"
	"errors"
	"time"
)

type Filter struct{ Prefix string }

type request struct {
	stream string
	filter *Filter
}

// newRequest fails only when it is given a filter to check.
func newRequest(stream string, filter *Filter) (*request, error) {
	r := &request{stream: stream}
	if filter != nil {
		if filter.Prefix == "" {
			return nil, errors.New("empty prefix")
		}
		r.filter = filter
	}
	return r, nil
}

type Subscription struct {
	req    *request
	cancel context.CancelFunc
}

func (s *Subscription) Close() { s.cancel() }

func (c *Client) callContext(parent context.Context) (context.Context, context.CancelFunc) { // want callContext:`cancelSource\(1\)`
	return context.WithTimeout(parent, c.timeout)
}

type Client struct{ timeout time.Duration }

// Subscribe passes no filter: newRequest cannot fail, the cancel goes
// to the subscription.
func (c *Client) Subscribe(parent context.Context, stream string) (*Subscription, error) {
	_, cancel := c.callContext(parent)
	req, err := newRequest(stream, nil)
	if err != nil {
		return nil, err
	}
	return &Subscription{req: req, cancel: cancel}, nil
}

// SubscribeFiltered passes the caller's filter, which newRequest may
// reject: that return leaks the context.
func (c *Client) SubscribeFiltered(parent context.Context, stream string, f *Filter) (*Subscription, error) {
	_, cancel := c.callContext(parent) // want `the cancel function returned by constarg.Client.callContext is not called on all paths`
	req, err := newRequest(stream, f)
	if err != nil {
		return nil, err
	}
	return &Subscription{req: req, cancel: cancel}, nil
}

// SubscribeChecked passes a literal filter: newRequest checks it and
// may fail (the literal is not the nil constant).
func (c *Client) SubscribeChecked(parent context.Context, stream string) (*Subscription, error) {
	_, cancel := context.WithTimeout(parent, c.timeout) // want `the cancel function returned by context.WithTimeout is not called on all paths`
	req, err := newRequest(stream, &Filter{})
	if err != nil {
		return nil, err
	}
	return &Subscription{req: req, cancel: cancel}, nil
}

// encode fails only when asked to validate.
func encode(batch []string, validate bool) ([]byte, error) {
	if validate {
		for _, s := range batch {
			if s == "" {
				return nil, errors.New("empty entry")
			}
		}
	}
	var out []byte
	for _, s := range batch {
		out = append(out, s...)
	}
	return out, nil
}

func send(ctx context.Context, b []byte) error { return ctx.Err() }

// Flush never validates: the continue that skips cancel cannot run.
func Flush(parent context.Context, batches [][]string) {
	for _, b := range batches {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		data, err := encode(b, false)
		if err != nil {
			continue
		}
		_ = send(ctx, data)
		cancel()
	}
}

// FlushChecked validates: a bad batch skips the cancel.
func FlushChecked(parent context.Context, batches [][]string) {
	for _, b := range batches {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want `the cancel function returned by context.WithTimeout is not called on all paths`
		data, err := encode(b, true)
		if err != nil {
			continue
		}
		_ = send(ctx, data)
		cancel()
	}
}
