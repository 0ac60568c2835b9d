package keepalive

import "net"

func (s *Session) SetConn(c net.Conn) {
	s.conn = c
}
