package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type Response struct {
	ID   uint64
	Body string
}

// Client multiplexes calls over one connection; replies are routed by id.
type Client struct {
	mu      sync.Mutex
	nextID  uint64
	pending map[uint64]chan Response
	wire    chan Response
}

func NewClient() *Client {
	c := &Client{pending: make(map[uint64]chan Response), wire: make(chan Response, 8)}
	go c.readLoop()
	return c
}

func (c *Client) readLoop() {
	for resp := range c.wire {
		c.mu.Lock()
		ch, ok := c.pending[resp.ID]
		if ok {
			ch <- resp
			delete(c.pending, resp.ID)
		}
		c.mu.Unlock()
	}
}

var errTimeout = errors.New("call timed out")

func (c *Client) Call(body string, timeout time.Duration, serverDelay time.Duration) (Response, error) {
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan Response)
	c.pending[id] = ch
	c.mu.Unlock()

	// simulated server
	go func() {
		time.Sleep(serverDelay)
		c.wire <- Response{ID: id, Body: "re: " + body}
	}()

	select {
	case r := <-ch:
		return r, nil
	case <-time.After(timeout):
		return Response{}, errTimeout
	}
}

func main() {
	c := NewClient()
	if _, err := c.Call("slow", 5*time.Millisecond, 30*time.Millisecond); err != nil {
		fmt.Println("first:", err)
	}
	time.Sleep(50 * time.Millisecond)
	r, err := c.Call("fast", time.Second, time.Millisecond)
	fmt.Println("second:", r.Body, err)
}
