package b1_rpc_reconnect

import (
	"context"
	"fmt"
	"net"
	"testing"
	"time"
)

func TestReconnectKeepsSession(t *testing.T) {
	n := 0
	dial := func(ctx context.Context) (net.Conn, error) {
		srv, cli := net.Pipe()
		n++
		go func(id int) {
			fmt.Fprintf(srv, "SESSION s-%d\n", id)
			time.Sleep(10 * time.Millisecond)
			srv.Close()
		}(n)
		return cli, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c, err := NewClient(ctx, dial)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for i := 0; i < 5; i++ {
		if c.SessionID() == "" {
			t.Fatal("empty session id")
		}
		time.Sleep(30 * time.Millisecond)
	}
}
