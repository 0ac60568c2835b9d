// BAD: NewClient starts the send loop, which appends to and drains c.queue; Reset
// replaces c.queue with no lock or other ordering, so a caller that resets the client
// while it is running races with the loop.
package main

import (
	"fmt"
	"log"
	"time"
)

// Event is a single metrics event waiting to be shipped.
type Event struct {
	Name  string
	Value float64
}

// Client batches events and ships them from a background goroutine.
type Client struct {
	endpoint string
	in       chan Event
	queue    []Event
	sent     int
	tick     *time.Ticker
	done     chan struct{}
}

// NewClient creates a client and starts its send loop.
func NewClient(endpoint string, every time.Duration) *Client {
	c := &Client{
		endpoint: endpoint,
		in:       make(chan Event, 128),
		tick:     time.NewTicker(every),
		done:     make(chan struct{}),
	}
	go c.loop()
	return c
}

func (c *Client) loop() {
	for {
		select {
		case ev := <-c.in:
			c.queue = append(c.queue, ev)
		case <-c.tick.C:
			if len(c.queue) == 0 {
				continue
			}
			batch := c.queue
			c.queue = nil
			c.ship(batch)
		case <-c.done:
			return
		}
	}
}

func (c *Client) ship(batch []Event) {
	c.sent += len(batch)
	log.Printf("shipped %d events to %s", len(batch), c.endpoint)
}

// Track hands an event to the send loop.
func (c *Client) Track(name string, v float64) {
	select {
	case c.in <- Event{Name: name, Value: v}:
	case <-c.done:
	}
}

// Reset drops every pending event, for example after the endpoint changed.
func (c *Client) Reset() {
	c.queue = make([]Event, 0, 64) // want "without a lock"
}

// Stop halts the send loop.
func (c *Client) Stop() {
	c.tick.Stop()
	close(c.done)
}

func main() {
	c := NewClient("https://metrics.example.com/v1", 10*time.Millisecond)
	for i := 0; i < 5; i++ {
		c.Track("requests", float64(i))
	}
	time.Sleep(25 * time.Millisecond)
	c.Track("errors", 1)
	c.Reset()
	time.Sleep(25 * time.Millisecond)
	c.Stop()
	fmt.Println("done")
}
