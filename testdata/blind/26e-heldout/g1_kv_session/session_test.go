package g1_kv_session

import (
	"context"
	"net"
	"testing"
	"time"
)

func TestCreateSession(t *testing.T) {
	srv, cli := net.Pipe()
	defer srv.Close()
	go srv.Write([]byte("WELCOME abc123\n"))

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	s, err := createSession(ctx, cli)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.ID(); got != "abc123" {
		t.Fatalf("ID() = %q", got)
	}
}
