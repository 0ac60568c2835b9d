package hook

import "net"

// Test hooks: the tests call them on an object they just built.

func (p *PubSub) SetNetConn(nc net.Conn) {
	p.nc = nc // silent: no goroutine of the PubSub exists yet
}

func (c *Client) SetNetConn(nc net.Conn) {
	c.nc = nc // want `write to c.nc without holding c.mu`
}
