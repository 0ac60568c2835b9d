package testserve

import (
	"net"
	"testing"
)

func fakeServer(conn net.Conn) {
	buf := make([]byte, 64)
	for {
		n, err := conn.Read(buf)
		if err == nil && n > 0 {
			conn.Write([]byte("PONG\n"))
		}
	}
}

func TestPing(t *testing.T) {
	cli, srv := net.Pipe()
	go fakeServer(srv)
	got, err := NewClient(cli).Ping()
	if err != nil || got != "PONG\n" {
		t.Fatalf("Ping() = %q, %v", got, err)
	}
}

func TestPingTwice(t *testing.T) {
	cli, srv := net.Pipe()
	go func() {
		buf := make([]byte, 64)
		for {
			if _, err := srv.Read(buf); err == nil {
				srv.Write([]byte("PONG\n"))
			}
		}
	}()
	c := NewClient(cli)
	for i := 0; i < 2; i++ {
		if _, err := c.Ping(); err != nil {
			t.Fatal(err)
		}
	}
}

func BenchmarkPing(b *testing.B) {
	cli, srv := net.Pipe()
	go fakeServer(srv) // want `goroutine never terminates: its loop has no exit, and one is started on every call of BenchmarkPing`
	c := NewClient(cli)
	for i := 0; i < b.N; i++ {
		c.Ping()
	}
}

func TestPingSubtests(t *testing.T) {
	t.Run("once", func(t *testing.T) {
		cli, srv := net.Pipe()
		go fakeServer(srv)
		if _, err := NewClient(cli).Ping(); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkPingSub(b *testing.B) {
	b.Run("pipe", func(b *testing.B) {
		cli, srv := net.Pipe()
		go fakeServer(srv) // want `goroutine never terminates: its loop has no exit, and one is started on every call of BenchmarkPingSub`
		c := NewClient(cli)
		for i := 0; i < b.N; i++ {
			c.Ping()
		}
	})
}
