// Package handover: a Close that flips a closed flag under the mutex
// and then releases the fields without it owns them, when every other
// access locks and tests the flag first.
package handover

import (
	"errors"
	"sync"
	"sync/atomic"
)

var errClosed = errors.New("closed")

// Pipe: Close claims the flag (tested and set in one section) and
// releases buf and queue afterwards; Write, Flush and Len lock and
// leave when closed. Silent.
type Pipe struct {
	mu     sync.Mutex
	buf    []byte
	queue  [][]byte
	closed bool
}

func (p *Pipe) Write(b []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return errClosed
	}
	p.queue = append(p.queue, b)
	return nil
}

func (p *Pipe) Flush() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return errClosed
	}
	for _, q := range p.queue {
		p.buf = append(p.buf, q...)
	}
	p.queue = p.queue[:0]
	return nil
}

func (p *Pipe) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return 0
	}
	return len(p.buf)
}

func (p *Pipe) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return errClosed
	}
	p.closed = true
	p.mu.Unlock()

	p.buf = nil   // silent: the closer owns buf now
	p.queue = nil // silent
	return nil
}

func ServePipe(p *Pipe, in <-chan []byte) {
	go func() {
		for b := range in {
			p.Write(b)
			p.Flush()
		}
		p.Close()
	}()
	go p.Close()
}

// Log: the same with an atomic.Bool swapped under the mutex. Silent.
type Log struct {
	mu     sync.Mutex
	closed atomic.Bool
	lines  []string
	size   int
}

func (l *Log) Add(s string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed.Load() {
		return false
	}
	l.lines = append(l.lines, s)
	l.size += len(s)
	return true
}

func (l *Log) Size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed.Load() {
		return 0
	}
	return l.size
}

func (l *Log) Close() int {
	l.mu.Lock()
	if !l.closed.CompareAndSwap(false, true) {
		l.mu.Unlock()
		return 0
	}
	l.mu.Unlock()
	n := len(l.lines)
	l.lines = nil // silent
	l.size = 0    // silent
	return n
}

func ServeLog(l *Log, in <-chan string) {
	go func() {
		for s := range in {
			l.Add(s)
		}
		l.Close()
	}()
	go l.Close()
}

// Leaky: Pending reads buf without the lock or the flag, so the
// release in Close races with it.
type Leaky struct {
	mu     sync.Mutex
	buf    []byte
	closed bool
}

func (c *Leaky) Write(b []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return errClosed
	}
	c.buf = append(c.buf, b...)
	return nil
}

func (c *Leaky) Pending() int { return len(c.buf) }

func (c *Leaky) Close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	c.mu.Unlock()
	c.buf = nil // want `write to c.buf without holding c.mu`
}

func ServeLeaky(c *Leaky, in <-chan []byte, report func(int)) {
	go func() {
		for b := range in {
			c.Write(b)
			report(c.Pending())
		}
	}()
	go c.Close()
}

// Early: the release comes before the flag is set, while a Write may
// still be appending.
type Early struct {
	mu     sync.Mutex
	buf    []byte
	closed bool
}

func (c *Early) Write(b []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return errClosed
	}
	c.buf = append(c.buf, b...)
	return nil
}

func (c *Early) Close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	c.buf = nil // want `write to c.buf without holding c.mu`
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
}

func ServeEarly(c *Early, in <-chan []byte) {
	go func() {
		for b := range in {
			c.Write(b)
		}
	}()
	go c.Close()
}

// Twice: Close sets the flag without testing it, so two Closes both
// release buf at once.
type Twice struct {
	mu     sync.Mutex
	buf    []byte
	closed bool
}

func (c *Twice) Write(b []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return errClosed
	}
	c.buf = append(c.buf, b...)
	return nil
}

func (c *Twice) Close() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.buf = nil // want `write to c.buf without holding c.mu`
}

func ServeTwice(c *Twice, in <-chan []byte) {
	go func() {
		for b := range in {
			c.Write(b)
		}
		c.Close()
	}()
	go c.Close()
}
