// Correct: the accept goroutine's send is only stranded when net.Dial fails, and that path calls t.Fatal (a failing run anyway).
package g1_accept_dial_fatal

import (
	"bufio"
	"fmt"
	"net"
	"strings"
)

// Session speaks a line-based GET/SET protocol on one connection.
type Session struct {
	conn net.Conn
	r    *bufio.Reader
	data map[string]string
}

func NewSession(conn net.Conn) *Session {
	return &Session{conn: conn, r: bufio.NewReader(conn), data: make(map[string]string)}
}

// Handle processes a single request line and writes the reply.
func (s *Session) Handle() error {
	line, err := s.r.ReadString('\n')
	if err != nil {
		return err
	}
	f := strings.Fields(line)
	switch {
	case len(f) == 3 && f[0] == "SET":
		s.data[f[1]] = f[2]
		_, err = fmt.Fprintln(s.conn, "OK")
	case len(f) == 2 && f[0] == "GET":
		_, err = fmt.Fprintln(s.conn, s.data[f[1]])
	default:
		_, err = fmt.Fprintln(s.conn, "ERR")
	}
	return err
}

func (s *Session) Close() error { return s.conn.Close() }
