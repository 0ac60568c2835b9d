package greeting

import (
	"bufio"
	"net"
	"testing"
	"time"
)

func TestGreetOverTCP(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()

	serverSide := make(chan net.Conn, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		serverSide <- c
		_ = Greet(c, "edge-7")
	}()

	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	if err := client.SetReadDeadline(time.Now().Add(3 * time.Second)); err != nil {
		t.Fatal(err)
	}
	version, node, err := ReadBanner(bufio.NewReader(client))
	if err != nil {
		t.Fatalf("no banner: %v", err)
	}
	if version != protoVersion || node != "edge-7" {
		t.Fatalf("got %s %s", version, node)
	}

	srv := <-serverSide
	if err := srv.Close(); err != nil {
		t.Fatalf("closing server side: %v", err)
	}
}

func TestParseBannerRejectsGarbage(t *testing.T) {
	if _, _, err := ParseBanner("hello"); err == nil {
		t.Fatal("expected error")
	}
}
