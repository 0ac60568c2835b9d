// Package encoder hands a connection's output lock to an encoder:
// newEncoder returns with conn.mu locked, and the encoder's end method
// unlocks it through the field the constructor set.
package encoder

import (
	"bytes"
	"sync"
)

type Conn struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

type encoder struct {
	conn *Conn
	n    int
}

func newEncoder(conn *Conn) *encoder {
	conn.mu.Lock() // released by encoder.end
	return &encoder{conn: conn}
}

func (e *encoder) end() {
	e.conn.mu.Unlock()
}

func (e *encoder) atom(s string) {
	e.conn.buf.WriteString(s)
	e.n += len(s)
}

// Silent: every path ends the encoder.
func (c *Conn) WriteOK(tag string) {
	e := newEncoder(c)
	defer e.end()
	e.atom(tag)
	e.atom(" OK")
}

func (c *Conn) WriteBye(reason string) {
	e := newEncoder(c)
	if reason == "" {
		e.end()
		return
	}
	e.atom("* BYE " + reason)
	e.end()
}

// Bad: the early return keeps the lock.
func (c *Conn) WriteNo(tag, text string) {
	e := newEncoder(c)
	if text == "" {
		return // want `return with c.mu still locked: other paths unlock it`
	}
	e.atom(tag + " NO " + text)
	e.end()
}
