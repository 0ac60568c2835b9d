// Package smtpish implements the greeting stage of a mail submission server.
package smtpish

import (
	"fmt"
	"net"
	"time"
)

type Server struct {
	Hostname string
	// Banner builds the greeting text; it may consult DNS or a config store.
	Banner func() (string, error)
}

func (s *Server) ServeConn(c net.Conn) {
	defer c.Close()
	text := "ESMTP ready"
	if s.Banner != nil {
		if b, err := s.Banner(); err == nil {
			text = b
		}
	}
	c.SetWriteDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(c, "220 %s %s\r\n", s.Hostname, text)
	buf := make([]byte, 512)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
		fmt.Fprintf(c, "250 ok\r\n")
	}
}
