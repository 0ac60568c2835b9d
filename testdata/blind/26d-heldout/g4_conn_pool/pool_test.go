package g4_conn_pool

import (
	"context"
	"errors"
	"io"
	"net"
	"testing"
	"time"
)

// trackedConn carries the cancel of the context that keeps its reader alive.
type trackedConn struct {
	net.Conn
	cancel context.CancelCauseFunc
}

func (c *trackedConn) Close() error {
	c.cancel(errors.New("conn closed"))
	return c.Conn.Close()
}

// startEchoServer runs a throwaway TCP server; the caller gets its stop func.
func startEchoServer(t *testing.T) (addr string, stop context.CancelFunc) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("no loopback: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	context.AfterFunc(ctx, func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go io.Copy(c, c)
		}
	}()
	return ln.Addr().String(), cancel
}

func dialFactory(addr string) Factory {
	return func(ctx context.Context) (io.Closer, error) {
		cctx, cancel := context.WithCancelCause(ctx)
		conn, err := (&net.Dialer{}).DialContext(cctx, "tcp", addr)
		if err != nil {
			cancel(err)
			return nil, err
		}
		return &trackedConn{Conn: conn, cancel: cancel}, nil
	}
}

func TestPoolReusesConn(t *testing.T) {
	addr, stop := startEchoServer(t)
	defer stop()

	p := NewPool(dialFactory(addr), 1, time.Second)
	defer p.Close()

	c1, err := p.Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p.Put(c1)
	c2, err := p.Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c1 != c2 {
		t.Fatal("expected the idle connection to be reused")
	}
	p.Put(c2)
}
