package b1_echo_accept

import (
	"bufio"
	"io"
	"log"
	"net"
	"testing"
)

func TestEchoRoundTrip(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewEchoServer(ln, log.New(io.Discard, "", 0))
	go srv.Serve()
	defer srv.Shutdown()

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write([]byte("hello\n")); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil || line != "hello\n" {
		t.Fatalf("got %q, %v", line, err)
	}
}

func TestShutdownIdle(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewEchoServer(ln, log.New(io.Discard, "", 0))
	go srv.Serve()
	if err := srv.Shutdown(); err != nil {
		t.Fatal(err)
	}
}
