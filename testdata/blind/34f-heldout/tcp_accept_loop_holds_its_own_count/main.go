// GOOD: Start does s.wg.Add(1) before `go s.acceptLoop()`, and acceptLoop keeps that
// count until it returns, so its per-connection s.wg.Add(1) calls always happen while
// the counter is positive; Close's Wait cannot return before acceptLoop exits, after
// which no further Add is possible (the documented-safe WaitGroup pattern).
package main

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"sync"
)

// LineServer replies to each line with its reverse.
type LineServer struct {
	ln net.Listener
	wg sync.WaitGroup
}

func Listen(addr string) (*LineServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &LineServer{ln: ln}, nil
}

func (s *LineServer) Addr() string { return s.ln.Addr().String() }

// Start begins accepting connections in the background.
func (s *LineServer) Start() {
	s.wg.Add(1)
	go s.acceptLoop()
}

func (s *LineServer) acceptLoop() {
	defer s.wg.Done()
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return // listener closed
		}
		s.wg.Add(1)
		go s.serveConn(conn)
	}
}

func (s *LineServer) serveConn(c net.Conn) {
	defer s.wg.Done()
	defer c.Close()
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		fmt.Fprintln(c, reverse(sc.Text()))
	}
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// Close stops accepting and waits for the accept loop and all handlers.
func (s *LineServer) Close() error {
	err := s.ln.Close()
	s.wg.Wait()
	return err
}

func main() {
	srv, err := Listen("127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	srv.Start()

	for _, word := range []string{"hello", "gopher"} {
		conn, err := net.Dial("tcp", srv.Addr())
		if err != nil {
			fmt.Println("dial:", err)
			continue
		}
		fmt.Fprintln(conn, word)
		reply, _ := bufio.NewReader(conn).ReadString('\n')
		fmt.Println(word, "->", strings.TrimSpace(reply))
		conn.Close()
	}

	if err := srv.Close(); err != nil {
		fmt.Println("close:", err)
	}
}
