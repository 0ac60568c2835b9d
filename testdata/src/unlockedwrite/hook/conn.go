package hook

import (
	"net"
	"sync"
	"time"
)

// PubSub guards nc with mu; no goroutine of it runs until the caller
// starts one (Channel).
type PubSub struct {
	mu sync.Mutex
	nc net.Conn
}

func NewPubSub(nc net.Conn) *PubSub { return &PubSub{nc: nc} }

func (p *PubSub) Send(b []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, err := p.nc.Write(b)
	return err
}

func (p *PubSub) Reconnect(nc net.Conn) {
	p.mu.Lock()
	p.nc = nc
	p.mu.Unlock()
}

func (p *PubSub) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.nc.Close()
}

func (p *PubSub) Channel() {
	go func() {
		for {
			p.mu.Lock()
			p.nc.SetDeadline(time.Now())
			p.mu.Unlock()
		}
	}()
}

// Client's constructor starts a pinger that uses nc under mu from the
// start: a test hook writing nc races with it.
type Client struct {
	mu sync.Mutex
	nc net.Conn
}

func NewClient(nc net.Conn) *Client {
	c := &Client{nc: nc}
	go c.ping()
	return c
}

func (c *Client) ping() {
	for {
		c.mu.Lock()
		c.nc.Write([]byte("PING"))
		c.mu.Unlock()
		time.Sleep(time.Second)
	}
}

func (c *Client) Reconnect(nc net.Conn) {
	c.mu.Lock()
	c.nc = nc
	c.mu.Unlock()
}

func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nc.Close()
}
