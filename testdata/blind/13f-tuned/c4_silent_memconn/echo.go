// Package echo implements a tiny line echo service used by health probes.
package echo

import (
	"bufio"
	"net"
	"strings"
)

type Server struct {
	Prefix string
}

func (s *Server) Serve(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go s.handle(conn)
	}
}

func (s *Server) handle(conn net.Conn) {
	defer conn.Close()
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		reply := s.Prefix + strings.ToUpper(sc.Text()) + "\n"
		if _, err := conn.Write([]byte(reply)); err != nil {
			return
		}
	}
}
