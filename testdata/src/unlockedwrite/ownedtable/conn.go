// Package ownedtable: a connection's run loop calls handlers that the
// connection stores as method values in its own fields and tables;
// their fields belong to the loop.
package ownedtable

import (
	"sync"
	"time"
)

type frame struct {
	typ int
	seq int
}

// Conn's handlers run only in its read loop: their unlocked writes are
// silent. Next and Pings touch only what mu guards.
type Conn struct {
	in       chan frame
	handlers map[int]func(frame)
	onClose  func()

	lastSeq int
	dropped int

	mu      sync.Mutex
	pings   int
	queue   []int
	stopped bool
}

func NewConn() *Conn {
	c := &Conn{in: make(chan frame), handlers: map[int]func(frame){}}
	c.handlers[0] = c.handleData
	c.handlers[1] = c.handlePing
	c.onClose = c.handleClose
	go c.readLoop()
	return c
}

func (c *Conn) readLoop() {
	for f := range c.in {
		h, ok := c.handlers[f.typ]
		if !ok {
			c.dropped++
			continue
		}
		h(f)
	}
	c.onClose()
}

func (c *Conn) handleData(f frame) {
	if f.seq <= c.lastSeq {
		c.dropped++
		return
	}
	c.lastSeq = f.seq
	c.mu.Lock()
	c.queue = append(c.queue, f.seq)
	c.mu.Unlock()
}

func (c *Conn) handlePing(frame) {
	c.lastSeq++
	c.mu.Lock()
	c.pings++
	c.mu.Unlock()
}

func (c *Conn) handleClose() {
	c.dropped = 0
	c.mu.Lock()
	c.stopped = true
	c.mu.Unlock()
}

func (c *Conn) Next() (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.queue) == 0 {
		return 0, c.stopped
	}
	v := c.queue[0]
	c.queue = c.queue[1:]
	return v, true
}

func (c *Conn) Pings() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pings
}

// Peer's loop dispatches through an array of method values; a timer
// callback, a method value too, bumps the loop's counter without the
// lock.
type Peer struct {
	in     chan frame
	table  [2]func(frame)
	missed int
	rumors int

	mu    sync.Mutex
	down  bool
	timer *time.Timer
}

func NewPeer() *Peer {
	p := &Peer{in: make(chan frame)}
	p.table[0] = p.onPong
	p.table[1] = p.onRumor
	p.mu.Lock()
	p.timer = time.AfterFunc(time.Second, p.probe)
	p.mu.Unlock()
	go p.loop()
	return p
}

func (p *Peer) loop() {
	for f := range p.in {
		if f.typ < len(p.table) {
			p.table[f.typ](f)
		}
	}
}

func (p *Peer) onPong(frame) { p.missed = 0 }

func (p *Peer) onRumor(frame) { p.rumors++ }

func (p *Peer) probe() {
	p.missed++ // want `write to p.missed in probe without a lock, while the goroutine running loop accesses it`
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.missed > 3 {
		p.down = true
		return
	}
	p.timer.Reset(time.Second)
}

// ResetRumors, which any goroutine may call, clears the loop's counter
// without the lock.
func (p *Peer) ResetRumors() {
	p.rumors = 0 // want `write to p.rumors in ResetRumors without a lock, while the goroutine running loop accesses it`
}

func (p *Peer) Down() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.down
}
