package main

import (
	"fmt"
	"sync"
	"time"
)

type event struct {
	fd   int
	hup  bool
	data []byte
}

type conn struct {
	fd      int
	mu      sync.Mutex
	closed  bool
	readBuf []byte
	inbox   chan []byte
}

func (c *conn) deliver(p []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return
	}
	c.readBuf = append(c.readBuf, p...)
	select {
	case c.inbox <- append([]byte(nil), p...):
	default:
	}
}

func (c *conn) Buffered() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0
	}
	return len(c.readBuf)
}

func (c *conn) close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	c.mu.Unlock()

	c.readBuf = nil
	c.fd = -1
	close(c.inbox)
}

// poller dispatches readiness events to connections.
type poller struct {
	conns  map[int]*conn
	events chan event
}

func (p *poller) loop() {
	for ev := range p.events {
		c, ok := p.conns[ev.fd]
		if !ok {
			continue
		}
		if ev.hup {
			c.close()
			delete(p.conns, ev.fd)
			continue
		}
		c.deliver(ev.data)
	}
	for fd, c := range p.conns {
		c.close()
		delete(p.conns, fd)
	}
}

func main() {
	c := &conn{fd: 7, inbox: make(chan []byte, 16)}
	p := &poller{conns: map[int]*conn{7: c}, events: make(chan event)}
	go p.loop()

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for msg := range c.inbox {
			fmt.Printf("got %q, buffered %d\n", msg, c.Buffered())
		}
	}()
	for i := 0; i < 3; i++ {
		p.events <- event{fd: 7, data: []byte(fmt.Sprintf("msg-%d", i))}
		time.Sleep(time.Millisecond)
	}
	p.events <- event{fd: 7, hup: true}
	close(p.events)
	wg.Wait()
}
