package b1_conn_keepalive

import (
	"bufio"
	"errors"
	"fmt"
	"log"
	"net"
	"sync"
	"time"
)

// ErrClosed is returned by operations on a closed Client.
var ErrClosed = errors.New("client: closed")

// Client is a line-oriented protocol client that keeps its connection warm
// by sending PING frames on an interval.
type Client struct {
	addr     string
	interval time.Duration

	mu     sync.Mutex
	conn   net.Conn
	rd     *bufio.Reader
	closed bool
	ticker *time.Ticker
}

// Dial connects to addr and starts the keepalive loop.
func Dial(addr string, keepalive time.Duration) (*Client, error) {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	c := &Client{
		addr:     addr,
		interval: keepalive,
		conn:     conn,
		rd:       bufio.NewReader(conn),
		ticker:   time.NewTicker(keepalive),
	}
	go c.keepalive() // BAD: keepalive loop ranges over ticker.C forever; Close stops the ticker and closes conn but the goroutine never exits
	return c, nil
}

func (c *Client) keepalive() {
	for range c.ticker.C {
		if err := c.ping(); err != nil {
			log.Printf("client %s: keepalive: %v", c.addr, err)
		}
	}
}

func (c *Client) ping() error {
	_, err := c.Do("PING")
	return err
}

// Do sends one command line and returns the single-line reply.
func (c *Client) Do(cmd string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return "", ErrClosed
	}
	if err := c.conn.SetDeadline(time.Now().Add(c.interval)); err != nil {
		return "", err
	}
	if _, err := fmt.Fprintf(c.conn, "%s\r\n", cmd); err != nil {
		return "", err
	}
	line, err := c.rd.ReadString('\n')
	if err != nil {
		return "", err
	}
	return line, nil
}

// Close stops the keepalive ticker and closes the connection.
func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	c.ticker.Stop()
	return c.conn.Close()
}
