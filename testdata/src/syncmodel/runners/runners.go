// Package runners: which goroutines run each method with its receiver
// (syncmodel.Runners): the go statements that start one, and the
// entries (exported, used as a value) any goroutine may run.
package runners

import "time"

type Conn struct {
	in chan int
	n  int
}

func NewConn() *Conn {
	c := &Conn{in: make(chan int)}
	c.init()
	go c.loop()
	return c
}

func (c *Conn) init() { c.n = 0 } // want `runners: none`

func (c *Conn) loop() { // want `runners: go@16 once`
	for range c.in {
		c.handle()
	}
}

func (c *Conn) handle() { c.n++; c.arm() } // want `runners: go@16 once`

func (c *Conn) Stats() int { return c.n } // want `runners: entry Stats`

// Arm hands a callback away: the timer's goroutine runs it.
func (c *Conn) arm() { // want `runners: go@16 once`
	time.AfterFunc(time.Second, func() { // want `runners: entry arm\$1`
		c.n = 0
	})
}

// Pump's exported Start starts its loop with the receiver alone: once
// per object, as set-up.
type Pump struct{ n int }

func (p *Pump) Start() { go p.run() } // want `runners: entry Start`

func (p *Pump) run() { p.n++ } // want `runners: go@43 once`

// Server starts a handler per connection, in a loop: not once.
type Server struct {
	conns chan int
	open  int
}

func (s *Server) Serve() { // want `runners: entry Serve`
	for c := range s.conns {
		go s.handle(c)
	}
}

func (s *Server) handle(int) { s.open++ } // want `runners: go@55$`

// Hub starts one per call, with the call's argument: not a Start.
type Hub struct{ n int }

func (h *Hub) HandleConn(c int) { go h.serve(c) } // want `runners: entry HandleConn`

func (h *Hub) serve(int) { h.n++ } // want `runners: go@64$`

// Pool calls its helper on a member loaded from a field: another
// object, not followed.
type Pool struct{ next *Pool }

func (p *Pool) Kick() { p.next.poke() } // want `runners: entry Kick`

func (p *Pool) poke() {} // want `runners: unknown`
