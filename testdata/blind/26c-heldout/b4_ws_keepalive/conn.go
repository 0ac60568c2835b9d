package b4_ws_keepalive

import (
	"sync"
	"time"
)

const (
	opText = 0x1
	opPing = 0x9
	opPong = 0xA
)

// Frame is a decoded websocket frame.
type Frame struct {
	Op   byte
	Data []byte
}

// Conn pings the peer when no frame has arrived for idleTimeout and gives up
// after maxMissed unanswered pings.
type Conn struct {
	in          <-chan Frame
	out         chan<- Frame
	idleTimeout time.Duration
	maxMissed   int
	onMessage   func(Frame)

	idle   *time.Timer
	missed int

	closeOnce sync.Once
	closed    chan struct{}
	done      chan struct{}
}

// NewConn starts the keepalive loop over the given frame channels.
func NewConn(in <-chan Frame, out chan<- Frame, idleTimeout time.Duration, onMessage func(Frame)) *Conn {
	c := &Conn{
		in:          in,
		out:         out,
		idleTimeout: idleTimeout,
		maxMissed:   3,
		onMessage:   onMessage,
		idle:        time.NewTimer(idleTimeout),
		closed:      make(chan struct{}),
		done:        make(chan struct{}),
	}
	go c.serve()
	return c
}

// Close stops the keepalive loop and waits for it.
func (c *Conn) Close() {
	c.closeOnce.Do(func() { close(c.closed) })
	<-c.done
}

// Done is closed once the connection has stopped.
func (c *Conn) Done() <-chan struct{} { return c.done }

func (c *Conn) send(f Frame) bool {
	select {
	case c.out <- f:
		return true
	case <-c.closed:
		return false
	}
}

// rearmIdle restarts the idle window. expired reports whether the idle
// timer is the reason we are here.
func (c *Conn) rearmIdle(expired bool) {
	if expired {
		// The idle timer went off; empty its channel before reusing it.
		if !c.idle.Stop() {
			<-c.idle.C // BAD: expired is only true after serve() already received from idle.C, so Stop returns false and this receive blocks forever
		}
	} else {
		c.idle.Stop()
	}
	c.idle.Reset(c.idleTimeout)
}

func (c *Conn) serve() {
	defer close(c.done)
	defer c.idle.Stop()
	for {
		select {
		case f, ok := <-c.in:
			if !ok {
				return
			}
			c.missed = 0
			switch f.Op {
			case opPing:
				if !c.send(Frame{Op: opPong, Data: f.Data}) {
					return
				}
			case opPong:
			default:
				c.onMessage(f)
			}
			c.rearmIdle(false)
		case <-c.idle.C:
			c.missed++
			if c.missed > c.maxMissed {
				return
			}
			if !c.send(Frame{Op: opPing}) {
				return
			}
			c.rearmIdle(true)
		case <-c.closed:
			return
		}
	}
}
