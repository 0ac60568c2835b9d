package b1_upstream_dial

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"
)

func TestDialRejectsBadAddress(t *testing.T) {
	d := NewDialer(time.Second)
	if _, err := d.Dial(context.Background(), "no-port"); !errors.Is(err, errBadAddr) {
		t.Fatalf("Dial error = %v, want %v", err, errBadAddr)
	}
}

func TestDialUsesHook(t *testing.T) {
	client, server := net.Pipe()
	defer server.Close()

	d := NewDialer(time.Second)
	d.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if addr != "backend:9000" {
			return nil, errors.New("unexpected addr " + addr)
		}
		return client, nil
	}
	up, err := d.Dial(context.Background(), "backend:9000")
	if err != nil {
		t.Fatal(err)
	}
	if err := up.Close(); err != nil {
		t.Fatal(err)
	}
}
