// Package encoder holds a connection whose output lock is handed over:
// newResponseEncoder returns with conn.encMutex locked, and the
// encoder's end method, deferred by each writer, unlocks it through
// the field the constructor set (enc.conn is the conn passed in).
package encoder

import (
	"bufio"
	"sync"
)

type Conn struct {
	mutex    sync.Mutex
	encMutex sync.Mutex
	bw       *bufio.Writer
	enabled  map[string]bool
}

type responseEncoder struct {
	w    *bufio.Writer
	conn *Conn
}

func newResponseEncoder(conn *Conn) *responseEncoder {
	conn.mutex.Lock()
	_ = conn.enabled["utf8"]
	conn.mutex.Unlock()
	conn.encMutex.Lock() // released by responseEncoder.end
	return &responseEncoder{w: conn.bw, conn: conn}
}

func (enc *responseEncoder) end() {
	if enc.w == nil {
		panic("end called twice")
	}
	enc.w = nil
	enc.conn.encMutex.Unlock()
}

func (enc *responseEncoder) list(n int, f func(i int)) {
	for i := 0; i < n; i++ {
		f(i)
	}
}

func (c *Conn) writeExists(n int) error {
	enc := newResponseEncoder(c)
	defer enc.end()
	_, err := enc.w.WriteString("* EXISTS")
	return err
}

// The closure captures enc, so enc lives in a variable: the same lock.
func (c *Conn) writeFlags(flags []string) error {
	enc := newResponseEncoder(c)
	defer enc.end()
	enc.list(len(flags), func(i int) {
		enc.w.WriteString(flags[i])
	})
	return enc.w.Flush()
}

// Silent: each writer releases the lock before the next takes it.
func (c *Conn) Select(flags []string) error {
	if err := c.writeExists(len(flags)); err != nil {
		return err
	}
	if err := c.writeFlags(flags); err != nil {
		return err
	}
	return c.writeExists(0)
}

// Bad: the second writer runs while the first still holds the lock.
func (c *Conn) writeNested(flags []string) error {
	enc := newResponseEncoder(c)
	defer enc.end()
	enc.w.WriteString("* OK")
	return c.writeFlags(flags) // want `writeFlags locks c.encMutex, which is already locked`
}
