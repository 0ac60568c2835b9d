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

// Client reads messages from a server connection.
type Client struct {
	mu       sync.Mutex
	addr     string
	conn     *transport
	received int
	once     sync.Once
	out      chan string
}

func NewClient(addr string) *Client {
	return &Client{addr: addr, out: make(chan string, 64)}
}

// Connect dials the server and starts the read loop.
func (c *Client) Connect() {
	c.once.Do(func() {
		c.conn = dial(c.addr)
		go c.readLoop()
	})
}

func (c *Client) readLoop() {
	for {
		c.mu.Lock()
		conn := c.conn
		c.mu.Unlock()
		m := <-conn.msgs
		c.mu.Lock()
		c.received++
		c.mu.Unlock()
		select {
		case c.out <- m:
		default:
		}
	}
}

// Reconnect switches to a fresh connection to addr.
func (c *Client) Reconnect(addr string) {
	c.addr = addr
	c.conn = dial(addr)
}

func (c *Client) Received() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.received
}

func (c *Client) Server() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.conn.name
}

func main() {
	c := NewClient("db-1:5432")
	c.Connect()
	time.Sleep(2 * time.Millisecond)
	c.Reconnect("db-2:5432")
	time.Sleep(2 * time.Millisecond)
	fmt.Println(c.Server(), c.Received())
}
