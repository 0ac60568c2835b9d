// BAD: the test helper startEchoServer announces readiness by sending on an unbuffered
// channel that the test never receives from, so the server goroutine never reaches Accept.

// Package lineclient is a tiny client for a line-oriented echo protocol.
package lineclient

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"time"
)

// Client sends newline-terminated requests and reads one-line replies.
type Client struct {
	conn    net.Conn
	r       *bufio.Reader
	timeout time.Duration
}

// Dial connects to addr.
func Dial(addr string, timeout time.Duration) (*Client, error) {
	conn, err := net.DialTimeout("tcp", addr, timeout)
	if err != nil {
		return nil, fmt.Errorf("lineclient: dial %s: %w", addr, err)
	}
	return &Client{conn: conn, r: bufio.NewReader(conn), timeout: timeout}, nil
}

// Call sends req and returns the reply line without its newline.
func (c *Client) Call(req string) (string, error) {
	if strings.ContainsRune(req, '\n') {
		return "", fmt.Errorf("lineclient: request contains newline")
	}
	if _, err := fmt.Fprintf(c.conn, "%s\n", req); err != nil {
		return "", err
	}
	line, err := c.r.ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(line, "\n"), nil
}

// Close closes the underlying connection.
func (c *Client) Close() error { return c.conn.Close() }
