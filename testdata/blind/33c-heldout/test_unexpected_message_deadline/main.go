// GOOD: (see main_test.go) the goroutine reports only a message the server must not send
// to an unauthenticated client; the test passes when the context deadline ends with nothing received.
package chat

import (
	"bufio"
	"net"
	"strings"
)

// Server relays lines between authenticated sessions.
type Server struct {
	Token string
}

// Serve handles one connection. Nothing is written until the client sends
// "AUTH <token>" with the right token.
func (s *Server) Serve(conn net.Conn) {
	defer conn.Close()
	r := bufio.NewReader(conn)
	authed := false
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimSpace(line)
		if !authed {
			if line == "AUTH "+s.Token {
				authed = true
				conn.Write([]byte("WELCOME\n"))
			}
			continue
		}
		conn.Write([]byte("ECHO " + line + "\n"))
	}
}
