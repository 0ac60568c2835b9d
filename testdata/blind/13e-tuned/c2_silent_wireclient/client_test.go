package wireclient

import (
	"bufio"
	"net"
	"testing"
	"time"
)

func echoServer(conn net.Conn) {
	defer conn.Close()
	r := bufio.NewReader(conn)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		if _, err := conn.Write([]byte("OK " + line)); err != nil {
			return
		}
	}
}

func TestDoOverPipe(t *testing.T) {
	cli, srv := net.Pipe()
	go echoServer(srv)

	c := newClient("unused:0")
	c.SetNetConn(cli)
	defer c.Close()

	got, err := c.Do("GET a")
	if err != nil {
		t.Fatal(err)
	}
	if got != "OK GET a" {
		t.Fatalf("got %q", got)
	}
}

func TestPingerSharesConn(t *testing.T) {
	cli, srv := net.Pipe()
	go echoServer(srv)

	c := newClient("unused:0")
	c.SetNetConn(cli)
	defer c.Close()

	stop := make(chan struct{})
	defer close(stop)
	c.StartPinger(2*time.Millisecond, stop)

	for i := 0; i < 5; i++ {
		if _, err := c.Do("GET b"); err != nil {
			t.Fatal(err)
		}
	}
}
