package replica

import (
	"bufio"
	"net"
	"strings"
	"testing"
	"time"
)

func waitClosed(t *testing.T, ch <-chan struct{}, d time.Duration, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(d):
		t.Fatalf("timed out waiting for %s", what)
	}
}

func TestFollowerConnect(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()

	hellos := make(chan string, 1)
	answered := make(chan struct{})
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		line, err := bufio.NewReader(c).ReadString('\n')
		if err != nil {
			return
		}
		hellos <- strings.TrimSpace(line)
		c.Write([]byte("OFFSET 4096\n"))
		close(answered)
	}()

	f := &Follower{LeaderAddr: ln.Addr().String(), Name: "r2"}
	conn, off, err := f.Connect()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()

	waitClosed(t, answered, 2*time.Second, "leader reply")
	if got := <-hellos; got != "HELLO r2" {
		t.Fatalf("leader saw %q", got)
	}
	if off != 4096 {
		t.Fatalf("offset %d", off)
	}
}
