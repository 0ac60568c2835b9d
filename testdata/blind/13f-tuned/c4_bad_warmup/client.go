// Package stream is a client for a line-oriented market data feed.
package stream

import (
	"bufio"
	"log"
	"net"
	"strings"
	"sync"
	"time"
)

type Client struct {
	addr   string
	onTick func(symbol, price string)

	mu     sync.Mutex
	conn   net.Conn
	banner string
}

func NewClient(addr string, onTick func(symbol, price string)) *Client {
	return &Client{addr: addr, onTick: onTick}
}

// Start connects to the feed and returns once the server banner was read.
func (c *Client) Start() string {
	ready := make(chan struct{})
	go c.readLoop(ready)
	<-ready
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.banner
}

func (c *Client) readLoop(ready chan<- struct{}) {
	conn, err := net.DialTimeout("tcp", c.addr, 5*time.Second)
	if err != nil {
		log.Printf("stream: dial %s: %v", c.addr, err)
		return
	}
	br := bufio.NewReader(conn)
	banner, err := br.ReadString('\n')
	if err != nil {
		conn.Close()
		return
	}
	c.mu.Lock()
	c.conn = conn
	c.banner = strings.TrimSpace(banner)
	c.mu.Unlock()
	close(ready)

	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		sym, price, ok := strings.Cut(strings.TrimSpace(line), " ")
		if ok {
			c.onTick(sym, price)
		}
	}
}

func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil {
		return nil
	}
	return c.conn.Close()
}
