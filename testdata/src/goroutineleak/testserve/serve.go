// Package testserve is a line protocol client. Its tests run a fake
// server over net.Pipe in a goroutine whose loop has no exit: go test
// runs each test once per run, so such a goroutine lives at most as
// long as the test binary, like one main starts, and is not reported.
// A benchmark is run again and again while the testing package looks
// for b.N: each run starts one more, and that is reported.
package testserve

import (
	"bufio"
	"net"
)

type Client struct {
	conn net.Conn
	r    *bufio.Reader
}

func NewClient(conn net.Conn) *Client {
	return &Client{conn: conn, r: bufio.NewReader(conn)}
}

func (c *Client) Ping() (string, error) {
	if _, err := c.conn.Write([]byte("PING\n")); err != nil {
		return "", err
	}
	return c.r.ReadString('\n')
}
