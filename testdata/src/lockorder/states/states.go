// Package states holds lock orders that a state of the program keeps
// apart: a handshake completed before the other order is taken, and a
// misuse check that only panics.
package states

import (
	"errors"
	"sync"
	"sync/atomic"
)

// Conn is a TLS-like connection: Handshake takes handshakeMu then
// in.mu, once, until complete is set; Read completes the handshake
// first and then, holding in.mu, renegotiates under handshakeMu.
type Conn struct {
	handshakeMu sync.Mutex
	complete    atomic.Bool
	in          half
	err         error
}

type half struct {
	mu  sync.Mutex
	buf []byte
}

func (c *Conn) Handshake() error {
	if c.complete.Load() {
		return nil
	}
	c.handshakeMu.Lock()
	defer c.handshakeMu.Unlock()
	if c.err != nil {
		return c.err
	}
	if c.complete.Load() {
		return nil
	}
	c.in.mu.Lock() // silent: skipped once the handshake is complete
	defer c.in.mu.Unlock()
	c.complete.Store(true)
	return nil
}

func (c *Conn) Read(b []byte) (int, error) {
	if err := c.Handshake(); err != nil {
		return 0, err
	}
	c.in.mu.Lock()
	defer c.in.mu.Unlock()
	if len(c.in.buf) == 0 {
		c.renegotiate()
	}
	return copy(b, c.in.buf), nil
}

func (c *Conn) renegotiate() {
	c.handshakeMu.Lock()
	defer c.handshakeMu.Unlock()
	c.complete.Store(false)
	c.complete.Store(true)
}

// Peer has the same handshake, but Peek takes its order without
// completing the handshake first: a Handshake in another goroutine can
// be between its two locks.
type Peer struct {
	handshakeMu sync.Mutex
	done        bool
	in          half
}

func (p *Peer) Handshake() {
	p.handshakeMu.Lock()
	defer p.handshakeMu.Unlock()
	if p.done {
		return
	}
	p.in.mu.Lock() // want `lock order inversion: half.mu is locked while Peer.handshakeMu is held, and elsewhere Peer.handshakeMu while half.mu is held`
	p.done = true
	p.in.mu.Unlock()
}

func (p *Peer) Peek() {
	p.in.mu.Lock()
	defer p.in.mu.Unlock()
	p.handshakeMu.Lock()
	p.handshakeMu.Unlock()
}

// Plain has no flag: its handshake takes the order every time.
type Plain struct {
	handshakeMu sync.Mutex
	in          half
}

func (p *Plain) Handshake() {
	p.handshakeMu.Lock()
	defer p.handshakeMu.Unlock()
	p.in.mu.Lock() // want `lock order inversion: half.mu is locked while Plain.handshakeMu is held`
	p.in.mu.Unlock()
}

func (p *Plain) Read() {
	p.Handshake()
	p.in.mu.Lock()
	defer p.in.mu.Unlock()
	p.handshakeMu.Lock()
	p.handshakeMu.Unlock()
}

// server is an HTTP-like connection: Hijack holds mu and aborts the
// pending read under the reader's lock; a Read during a pending read
// is a misuse, and asks whether the connection was hijacked only to
// word its panic.
type server struct {
	mu       sync.Mutex
	hijacked bool
	r        *reader
}

type reader struct {
	mu     sync.Mutex
	conn   *server
	inRead bool
}

func (s *server) isHijacked() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hijacked
}

func (s *server) Hijack() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hijacked = true
	s.r.abort()
}

func (r *reader) abort() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.inRead = false
}

func (r *reader) Read() {
	r.mu.Lock()
	if r.inRead {
		hijacked := r.conn.isHijacked() // silent: this path only panics
		r.mu.Unlock()
		if hijacked {
			panic("read after hijack")
		}
		panic("concurrent read")
	}
	r.inRead = true
	r.mu.Unlock()
}

// client asks the same question on a path that can return: a real
// inversion.
type client struct {
	mu     sync.Mutex
	closed bool
	r      *creader
}

type creader struct {
	mu     sync.Mutex
	conn   *client
	inRead bool
}

func (c *client) isClosed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

func (c *client) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	c.r.abort() // want `lock order inversion: creader.mu is locked while client.mu is held, and elsewhere client.mu while creader.mu is held`
}

func (r *creader) abort() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.inRead = false
}

func (r *creader) Read() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.inRead {
		if r.conn.isClosed() {
			return errors.New("closed")
		}
		panic("concurrent read")
	}
	r.inRead = true
	return nil
}

// route's allowed locks r.mu only for a full check by a caller that
// does not hold it; canImport asks for neither, so exports, which
// calls it under account.mu, takes no route lock there, and track's
// opposite order meets nothing.
type route struct {
	mu      sync.Mutex
	perms   bool
	replies map[string]int
}

type account struct {
	mu sync.Mutex
	rm map[string]int
}

func (r *route) allowed(subject string, fullCheck, hasLock bool) bool {
	if !r.perms {
		return true
	}
	if fullCheck {
		if !hasLock {
			r.mu.Lock()
		}
		r.replies[subject]++
		if !hasLock {
			r.mu.Unlock()
		}
	}
	return false
}

func (r *route) canImport(subject string) bool { return r.allowed(subject, false, true) }

func (a *account) exports(r *route) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for k := range a.rm {
		r.canImport(k) // silent: this call never locks r.mu
	}
}

func (r *route) track(a *account) {
	r.mu.Lock()
	defer r.mu.Unlock()
	a.mu.Lock()
	a.mu.Unlock()
}

// leaf's check passes the flags that do lock.
type leaf struct {
	mu      sync.Mutex
	perms   bool
	replies map[string]int
}

type hub struct {
	mu sync.Mutex
	rm map[string]int
}

func (l *leaf) allowed(subject string, fullCheck, hasLock bool) bool {
	if !l.perms {
		return true
	}
	if fullCheck {
		if !hasLock {
			l.mu.Lock()
		}
		l.replies[subject]++
		if !hasLock {
			l.mu.Unlock()
		}
	}
	return false
}

func (l *leaf) check(subject string) bool { return l.allowed(subject, true, false) }

func (h *hub) exports(l *leaf) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for k := range h.rm {
		l.check(k) // want `lock order inversion: leaf.mu is locked while hub.mu is held, and elsewhere hub.mu while leaf.mu is held`
	}
}

func (l *leaf) track(h *hub) {
	l.mu.Lock()
	defer l.mu.Unlock()
	h.mu.Lock()
	h.mu.Unlock()
}
