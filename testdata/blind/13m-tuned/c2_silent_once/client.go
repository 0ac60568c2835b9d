package main

import (
	"fmt"
	"sync"
	"time"
)

// transport is a fake message stream.
type transport struct {
	name string
	msgs chan string
}

func dial(addr string) *transport {
	t := &transport{name: addr, msgs: make(chan string, 16)}
	go func() {
		for i := 0; ; i++ {
			t.msgs <- fmt.Sprintf("%s#%d", addr, i)
			time.Sleep(100 * time.Microsecond)
		}
	}()
	return t
}

// Client reads messages from a server connection and sends heartbeats.
type Client struct {
	mu        sync.Mutex
	addr      string
	conn      *transport
	received  int
	lastBeat  time.Time
	beatEvery time.Duration
	once      sync.Once
}

func NewClient(addr string) *Client {
	return &Client{addr: addr}
}

// Connect dials the server and starts background loops. Safe to call
// more than once.
func (c *Client) Connect() {
	c.once.Do(func() {
		c.conn = dial(c.addr)
		c.beatEvery = 500 * time.Microsecond
		c.lastBeat = time.Now()
		go c.readLoop()
		go c.heartbeat()
	})
}

func (c *Client) readLoop() {
	for {
		c.mu.Lock()
		conn := c.conn
		c.mu.Unlock()
		<-conn.msgs
		c.mu.Lock()
		c.received++
		c.mu.Unlock()
	}
}

func (c *Client) heartbeat() {
	for {
		c.mu.Lock()
		every := c.beatEvery
		c.mu.Unlock()
		time.Sleep(every)
		c.mu.Lock()
		c.lastBeat = time.Now()
		c.mu.Unlock()
	}
}

// Switch moves the client to another server.
func (c *Client) Switch(addr string) {
	conn := dial(addr)
	c.mu.Lock()
	c.addr = addr
	c.conn = conn
	c.mu.Unlock()
}

func (c *Client) Status() (string, int, time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.conn.name, c.received, c.lastBeat
}

func main() {
	c := NewClient("db-1:5432")
	c.Connect()
	c.Connect()
	time.Sleep(2 * time.Millisecond)
	c.Switch("db-2:5432")
	time.Sleep(2 * time.Millisecond)
	name, n, _ := c.Status()
	fmt.Println(name, n)
}
