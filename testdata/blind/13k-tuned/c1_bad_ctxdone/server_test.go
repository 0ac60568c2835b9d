package echo

import (
	"bufio"
	"context"
	"net"
	"testing"
	"time"
)

func TestServerStaysUp(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	srvCtx, stop := context.WithCancel(context.Background())
	t.Cleanup(stop)

	srv := New(ln)
	serveErr := make(chan error)
	go func() {
		serveErr <- srv.Serve(srvCtx)
	}()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("ping\n")); err != nil {
		t.Fatalf("write: %v", err)
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || line != "ping\n" {
		t.Fatalf("echo = %q, %v", line, err)
	}

	// The server must keep running for a while without returning.
	wait, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	select {
	case err := <-serveErr:
		t.Fatalf("Serve returned early: %v", err)
	case <-wait.Done():
		return
	}
}
