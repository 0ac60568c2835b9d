package g2_ready_listener

import (
	"bufio"
	"fmt"
	"net"
	"testing"
)

func TestSetGet(t *testing.T) {
	s, err := Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Shutdown()

	c, err := net.Dial("tcp", s.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := bufio.NewReader(c)
	fmt.Fprintf(c, "SET a 1\nGET a\n")
	r.ReadString('\n')
	if v, _ := r.ReadString('\n'); v != "1\n" {
		t.Fatalf("GET a = %q", v)
	}
}

func TestShutdownRightAway(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := New(ln)
	go s.Serve()
	<-s.Ready()
	if err := s.Shutdown(); err != nil {
		t.Fatal(err)
	}
}
