package b1_echo_dial_timeout

import (
	"bufio"
	"net"
	"strings"
)

// EchoServer answers every line with the upper-cased line.
type EchoServer struct {
	ln net.Listener
}

func NewEchoServer(addr string) (*EchoServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &EchoServer{ln: ln}, nil
}

func (s *EchoServer) Addr() string { return s.ln.Addr().String() }

// ServeOne handles a single connection and returns the first line it read.
func (s *EchoServer) ServeOne() (string, error) {
	conn, err := s.ln.Accept()
	if err != nil {
		return "", err
	}
	defer conn.Close()
	r := bufio.NewReader(conn)
	line, err := r.ReadString('\n')
	if err != nil {
		return "", err
	}
	_, err = conn.Write([]byte(strings.ToUpper(line)))
	return strings.TrimSpace(line), err
}

func (s *EchoServer) Close() error { return s.ln.Close() }
