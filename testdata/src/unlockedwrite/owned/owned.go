// Package owned holds fields that one goroutine, a run loop started
// once per object, alone touches: the loop holds the object's mutex
// around some of those accesses because it touches a guarded sibling
// at that moment, and that is no evidence that the mutex guards them.
package owned

import (
	"sync"
	"time"
)

// Conn's loop owns queue; mu guards closed and sent, which Sent and
// Close share with the loop.
type Conn struct {
	mu     sync.Mutex
	closed bool
	sent   int

	in    chan []byte
	queue [][]byte
}

func NewConn() *Conn {
	c := &Conn{in: make(chan []byte)}
	c.queue = make([][]byte, 0, 8) // the constructor, before the loop
	go c.loop()
	return c
}

func (c *Conn) Sent() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sent
}

func (c *Conn) Close() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
}

func (c *Conn) loop() {
	for b := range c.in {
		c.queue = append(c.queue, b) // silent: c's loop alone touches queue
		c.trim()
		c.flush()
	}
}

func (c *Conn) flush() {
	c.mu.Lock()
	if c.closed {
		c.queue = nil // under mu, for closed
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	for len(c.queue) > 0 {
		c.pop()
	}
}

func (c *Conn) pop() {
	c.mu.Lock()
	c.queue = c.queue[1:]
	c.sent++
	c.mu.Unlock()
}

func (c *Conn) trim() {
	c.mu.Lock()
	if len(c.queue) > 8 {
		c.queue = c.queue[:8]
	}
	c.sent--
	c.mu.Unlock()
}

// Engine is the same, with the loop started by an unexported helper of
// the constructor and a handler in another function.
type Engine struct {
	mu      sync.Mutex
	handled int

	jobs    chan int
	pending map[int]int
}

func NewEngine() *Engine {
	e := &Engine{jobs: make(chan int), pending: map[int]int{}}
	e.start()
	return e
}

func (e *Engine) start() { go e.run() }

func (e *Engine) Handled() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.handled
}

func (e *Engine) run() {
	for j := range e.jobs {
		e.pending[j]++ // silent: e's loop alone
		e.done(j)
		e.retire(j)
	}
}

func (e *Engine) done(j int) {
	e.mu.Lock()
	delete(e.pending, j)
	e.handled++
	e.mu.Unlock()
}

func (e *Engine) retire(j int) {
	e.mu.Lock()
	e.pending[j] = 0
	e.handled--
	e.mu.Unlock()
}

// Pump's loop is started by an exported Start with the receiver alone:
// set-up, which the API runs once per object.
type Pump struct {
	mu    sync.Mutex
	err   error
	ticks chan time.Time
	n     int
}

func (p *Pump) Start() { go p.run() }

func (p *Pump) Err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

func (p *Pump) run() {
	for range p.ticks {
		p.n++ // silent: p's loop alone
		p.step()
		p.fail()
	}
}

func (p *Pump) step() {
	p.mu.Lock()
	p.n *= 2
	p.err = nil
	p.mu.Unlock()
}

func (p *Pump) fail() {
	p.mu.Lock()
	p.n = 0
	p.err = nil
	p.mu.Unlock()
}
