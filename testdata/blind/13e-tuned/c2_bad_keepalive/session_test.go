package keepalive

import (
	"io"
	"net"
	"testing"
	"time"
)

func TestSendAfterSwap(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go io.Copy(io.Discard, c)
		}
	}()

	s, err := Dial(ln.Addr().String(), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	cli, srv := net.Pipe()
	go io.Copy(io.Discard, srv)
	s.SetConn(cli)

	if err := s.Send("SET k v"); err != nil {
		t.Fatal(err)
	}
}
