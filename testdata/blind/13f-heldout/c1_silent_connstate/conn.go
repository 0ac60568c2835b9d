// Package kvwire serves a tiny text protocol for a key/value store.
package kvwire

import (
	"bufio"
	"net"
	"strings"
	"sync"
)

type phase int

const (
	phaseGreeting phase = iota
	phaseAuth
	phaseReady
)

type session struct {
	nc    net.Conn
	rw    *bufio.ReadWriter
	state phase
	user  string
}

type Server struct {
	Password string

	mu   sync.Mutex
	data map[string]string
}

func NewServer(pw string) *Server {
	return &Server{Password: pw, data: make(map[string]string)}
}

func (s *Server) Serve(ln net.Listener) error {
	for {
		nc, err := ln.Accept()
		if err != nil {
			return err
		}
		sess := &session{
			nc: nc,
			rw: bufio.NewReadWriter(bufio.NewReader(nc), bufio.NewWriter(nc)),
		}
		go s.serveSession(sess)
	}
}

func (s *Server) serveSession(c *session) {
	defer c.nc.Close()
	for {
		switch c.state {
		case phaseGreeting:
			c.rw.WriteString("+KV ready\r\n")
			c.state = phaseAuth
		case phaseAuth:
			line, err := c.rw.ReadString('\n')
			if err != nil {
				return
			}
			user, pw, _ := strings.Cut(strings.TrimSpace(line), ":")
			if pw != s.Password {
				c.rw.WriteString("-denied\r\n")
				c.rw.Flush()
				return
			}
			c.user = user
			c.rw.WriteString("+ok\r\n")
			c.state = phaseReady
		case phaseReady:
			line, err := c.rw.ReadString('\n')
			if err != nil {
				return
			}
			c.rw.WriteString(s.exec(strings.Fields(line)))
		default:
			panic("kvwire: unreachable session state")
		}
		if err := c.rw.Flush(); err != nil {
			return
		}
	}
}

func (s *Server) exec(args []string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case len(args) == 2 && args[0] == "GET":
		return "+" + s.data[args[1]] + "\r\n"
	case len(args) == 3 && args[0] == "SET":
		s.data[args[1]] = args[2]
		return "+ok\r\n"
	}
	return "-bad command\r\n"
}
