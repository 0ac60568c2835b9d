// GOOD: dispatch sends on c.respCh under c.mu only when c.pending is set, and only beginRequest (the caller's own locked
// section, just before it unlocks and receives) sets it; dispatch consumes it, so the caller is already past its Lock when the send happens.
package main

import (
	"errors"
	"fmt"
	"sync"
)

var errBusy = errors.New("conn: request already in flight")

type response struct {
	id      uint32
	payload []byte
}

type call struct {
	id     uint32
	method string
}

type Conn struct {
	mu      sync.Mutex
	seq     uint32
	pending *call
	dropped int
	respCh  chan response
	wire    chan response
}

func Dial() *Conn {
	c := &Conn{respCh: make(chan response), wire: make(chan response, 4)}
	go c.readLoop()
	return c
}

func (c *Conn) readLoop() {
	for r := range c.wire {
		c.dispatch(r)
	}
}

func (c *Conn) dispatch(r response) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending == nil || c.pending.id != r.id {
		c.dropped++ // stale or unsolicited frame: nobody is waiting
		return
	}
	c.pending = nil
	c.respCh <- r
}

func (c *Conn) beginRequest(method string) (uint32, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending != nil {
		return 0, errBusy
	}
	c.seq++
	c.pending = &call{id: c.seq, method: method}
	return c.seq, nil
}

// Do issues a request and waits for its response.
func (c *Conn) Do(method string) ([]byte, error) {
	id, err := c.beginRequest(method)
	if err != nil {
		return nil, err
	}
	c.wire <- response{id: id, payload: []byte("result of " + method)}
	r := <-c.respCh
	return r.payload, nil
}

func main() {
	c := Dial()
	c.wire <- response{id: 99, payload: []byte("unsolicited")}
	for _, m := range []string{"GET", "STAT", "LIST"} {
		p, err := c.Do(m)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(string(p))
	}
}
