package wireclient

import (
	"bufio"
	"errors"
	"net"
	"strings"
	"sync"
	"time"
)

var ErrNotConnected = errors.New("wireclient: not connected")

// Client speaks a line-oriented request/response protocol.
type Client struct {
	addr string

	mu sync.Mutex
	nc net.Conn
	rd *bufio.Reader
}

func newClient(addr string) *Client {
	return &Client{addr: addr}
}

func (c *Client) Connect() error {
	nc, err := net.DialTimeout("tcp", c.addr, 3*time.Second)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.nc = nc
	c.rd = bufio.NewReader(nc)
	c.mu.Unlock()
	return nil
}

func (c *Client) Do(req string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.nc == nil {
		return "", ErrNotConnected
	}
	if _, err := c.nc.Write([]byte(req + "\n")); err != nil {
		return "", err
	}
	line, err := c.rd.ReadString('\n')
	return strings.TrimSuffix(line, "\n"), err
}

func (c *Client) StartPinger(every time.Duration, stop <-chan struct{}) {
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				c.Do("PING")
			}
		}
	}()
}

func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.nc == nil {
		return nil
	}
	err := c.nc.Close()
	c.nc = nil
	return err
}
