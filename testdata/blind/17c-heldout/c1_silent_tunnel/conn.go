package relay

import (
	"bufio"
	"io"
	"net"
	"strings"
	"sync"
)

type conn struct {
	srv *Server
	nc  net.Conn
	rd  *bufio.Reader

	upgraded bool

	mu       sync.Mutex
	commands int
	tunneled int64
}

func (c *conn) serve() {
	defer c.srv.untrack(c)
	for {
		line, err := c.rd.ReadString('\n')
		if err != nil {
			c.nc.Close()
			return
		}
		c.dispatch(strings.TrimSpace(line))
		if c.upgraded {
			return
		}
		c.srv.mu.Lock()
		c.mu.Lock()
		c.commands++
		c.srv.commands++
		c.mu.Unlock()
		c.srv.mu.Unlock()
	}
}

func (c *conn) dispatch(cmd string) {
	switch {
	case cmd == "PING":
		io.WriteString(c.nc, "PONG\n")
	case cmd == "UPGRADE":
		up, err := net.Dial("tcp", c.srv.backend)
		if err != nil {
			io.WriteString(c.nc, "ERR "+err.Error()+"\n")
			return
		}
		io.WriteString(c.nc, "OK\n")
		c.upgraded = true
		go c.pipe(up)
	default:
		io.WriteString(c.nc, "ERR unknown command\n")
	}
}

func (c *conn) pipe(up net.Conn) {
	defer up.Close()
	defer c.nc.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := c.rd.Read(buf)
		if n > 0 {
			if _, werr := up.Write(buf[:n]); werr != nil {
				return
			}
			c.mu.Lock()
			c.tunneled += int64(n)
			c.srv.mu.Lock()
			c.srv.tunnelBytes += int64(n)
			c.srv.mu.Unlock()
			c.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

func (c *conn) Counters() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.commands, c.tunneled
}
