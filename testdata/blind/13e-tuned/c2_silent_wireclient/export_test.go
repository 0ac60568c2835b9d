package wireclient

import (
	"bufio"
	"net"
)

func (c *Client) SetNetConn(x net.Conn) {
	c.nc = x
	c.rd = bufio.NewReader(x)
}
