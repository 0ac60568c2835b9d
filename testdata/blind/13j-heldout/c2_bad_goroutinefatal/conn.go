package conn

import (
	"bufio"
	"net"
	"strings"
)

// EchoServer answers every line with the same line upper-cased.
type EchoServer struct {
	ln net.Listener
}

// Listen opens the server on addr.
func Listen(addr string) (*EchoServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &EchoServer{ln: ln}, nil
}

// Addr reports the bound address.
func (s *EchoServer) Addr() string { return s.ln.Addr().String() }

// Serve accepts connections until the listener is closed.
func (s *EchoServer) Serve() error {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return err
		}
		go func() {
			defer c.Close()
			sc := bufio.NewScanner(c)
			for sc.Scan() {
				if _, err := c.Write([]byte(strings.ToUpper(sc.Text()) + "\n")); err != nil {
					return
				}
			}
		}()
	}
}

// Close stops the listener.
func (s *EchoServer) Close() error { return s.ln.Close() }
