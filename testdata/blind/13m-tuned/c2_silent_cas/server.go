package main

import (
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// EchoServer accepts TCP connections and echoes what it reads.
type EchoServer struct {
	mu       sync.Mutex
	ln       net.Listener
	addr     string
	accepted int
	started  atomic.Bool
}

// Listen opens the listener and starts accepting connections.
func (s *EchoServer) Listen() error {
	if !s.started.CompareAndSwap(false, true) {
		return fmt.Errorf("already listening")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	s.ln = ln
	s.addr = ln.Addr().String()
	go s.acceptLoop()
	return nil
}

func (s *EchoServer) acceptLoop() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.accepted++
		from := s.addr
		s.mu.Unlock()
		go s.serve(c, from)
	}
}

func (s *EchoServer) serve(c net.Conn, local string) {
	defer c.Close()
	buf := make([]byte, 512)
	n, err := c.Read(buf)
	if err != nil {
		return
	}
	c.Write([]byte(local + ": "))
	c.Write(buf[:n])
}

func (s *EchoServer) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

func (s *EchoServer) Accepted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted
}

func (s *EchoServer) Close() error {
	return s.ln.Close()
}

func main() {
	var s EchoServer
	if err := s.Listen(); err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	if err := s.Listen(); err != nil {
		fmt.Println(err)
	}
	c, err := net.Dial("tcp", s.Addr())
	if err != nil {
		fmt.Println(err)
		return
	}
	c.SetDeadline(time.Now().Add(time.Second))
	c.Write([]byte("hello"))
	buf := make([]byte, 512)
	n, _ := c.Read(buf)
	fmt.Println(string(buf[:n]), s.Accepted())
	c.Close()
}
