// Package publish checks writes that a constructor's goroutine makes
// before the constructor hands the object out: it waits for the
// goroutine's ready signal, then returns the object, so whoever calls
// the object's methods runs after the write.
package publish

import (
	"context"
	"errors"
	"time"
)

type response struct {
	id   uint64
	caps []string
}

// Session's loop sets id once, then closes the ready channel that
// createSession waits on before it returns the session. Silent.
type Session struct {
	id      uint64
	version int
	in      chan response
}

func CreateSession(ctx context.Context, in chan response, opts ...func(*Session)) (*Session, error) {
	s := &Session{in: in}
	for _, opt := range opts {
		opt(s)
	}
	started := make(chan struct{})
	go s.loop(started)
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-started:
	}
	return s, nil
}

func (s *Session) loop(started chan struct{}) {
	for r := range s.in {
		if s.id == 0 {
			s.id = r.id
			close(started)
		} else if r.id != s.id {
			return
		}
	}
}

func (s *Session) ID() uint64 { return s.id }

// Client's reader, through a helper, sets the server's capabilities
// and closes the ready channel the client keeps in a field; Open waits
// for it. Silent.
type Client struct {
	caps  []string
	ready chan struct{}
	in    chan response
}

func Open(in chan response, timeout time.Duration) (*Client, error) {
	c := &Client{ready: make(chan struct{}), in: in}
	go c.read()
	select {
	case <-c.ready:
		return c, nil
	case <-time.After(timeout):
		return nil, errors.New("timeout")
	}
}

func (c *Client) read() {
	for r := range c.in {
		c.handshake(r)
	}
}

func (c *Client) handshake(r response) {
	if c.caps == nil {
		c.caps = r.caps
		close(c.ready)
	}
}

func (c *Client) Caps() []string { return c.caps }

// Conn returns itself on the timeout path too: the loop's write may
// come while the caller already reads.
type Conn struct {
	version int
	in      chan response
}

func Dial(in chan response, timeout time.Duration) *Conn {
	c := &Conn{in: in}
	ready := make(chan struct{})
	go c.loop(ready)
	select {
	case <-ready:
	case <-time.After(timeout):
	}
	return c
}

func (c *Conn) loop(ready chan struct{}) {
	r, ok := <-c.in
	if !ok {
		return
	}
	c.version = len(r.caps) // want `write to c.version in the goroutine running loop without a lock, while Version, which any goroutine may run, reads it without one`
	close(ready)
	for range c.in {
	}
}

func (c *Conn) Version() int { return c.version }

// Peer signals by a send, and writes again on every later response:
// the later writes come after the caller has the peer.
type Peer struct {
	addr string
	in   chan response
}

func Connect(in chan response) *Peer {
	p := &Peer{in: in}
	ready := make(chan struct{})
	go p.loop(ready)
	<-ready
	return p
}

func (p *Peer) loop(ready chan struct{}) {
	first := true
	for r := range p.in {
		p.addr = r.caps[0] // want `write to p.addr in the goroutine running loop without a lock, while Addr, which any goroutine may run, reads it without one`
		if first {
			first = false
			ready <- struct{}{}
		}
	}
}

func (p *Peer) Addr() string { return p.addr }
