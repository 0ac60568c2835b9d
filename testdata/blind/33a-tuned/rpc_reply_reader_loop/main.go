// BAD: handleReply sends on c.replyCh while holding c.mu for every inbound frame, including unsolicited ones;
// Call takes c.mu in register() before it receives, so a frame that arrives first leaves the reader holding c.mu on the send and Call stuck on the Lock.
package main

import (
	"fmt"
	"sync"
)

type reply struct {
	id   uint64
	body string
}

// Client multiplexes calls over a single simulated transport.
type Client struct {
	mu      sync.Mutex
	nextID  uint64
	lastID  uint64
	stats   map[string]int
	replyCh chan reply
	inbound chan reply
}

func NewClient() *Client {
	c := &Client{
		stats:   make(map[string]int),
		replyCh: make(chan reply),
		inbound: make(chan reply, 16),
	}
	go c.readLoop()
	return c
}

// readLoop plays the role of the socket reader goroutine.
func (c *Client) readLoop() {
	for r := range c.inbound {
		c.handleReply(r)
	}
}

func (c *Client) handleReply(r reply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lastID = r.id
	c.stats["replies"]++
	c.replyCh <- r // want "while holding"
}

func (c *Client) register() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	c.stats["calls"]++
	return c.nextID
}

// Push simulates the server pushing a frame at any moment (heartbeats, server notices).
func (c *Client) Push(body string) {
	c.inbound <- reply{id: 0, body: body}
}

// Call sends a request and waits for the next reply.
func (c *Client) Call(method string) (string, error) {
	id := c.register()
	c.inbound <- reply{id: id, body: "ok:" + method}
	r := <-c.replyCh
	if r.id != id {
		return "", fmt.Errorf("call %d: got reply for %d", id, r.id)
	}
	return r.body, nil
}

func main() {
	c := NewClient()
	out, err := c.Call("Status")
	fmt.Println(out, err)
	go c.Push("heartbeat")
	out, err = c.Call("Ping")
	fmt.Println(out, err)
}
