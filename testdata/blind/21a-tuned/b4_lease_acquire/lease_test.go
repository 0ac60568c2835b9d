package b4_lease_acquire

import (
	"context"
	"testing"
	"time"
)

type stubConn struct{ resp *acquireResp }

func (s stubConn) Acquire(ctx context.Context, name, owner string) (*acquireResp, error) {
	return s.resp, nil
}

func (s stubConn) KeepAlive(ctx context.Context, token uint64) error { return nil }

func TestAcquireFenced(t *testing.T) {
	c := NewClient(stubConn{&acquireResp{Kind: kindFenced}}, "me")
	if _, err := c.Acquire(context.Background(), "jobs"); err == nil {
		t.Fatal("expected error for fenced response")
	}
}

func TestAcquireGranted(t *testing.T) {
	c := NewClient(stubConn{&acquireResp{Kind: kindGranted, Token: 7, TTL: time.Second}}, "me")
	l, err := c.Acquire(context.Background(), "jobs")
	if err != nil {
		t.Fatal(err)
	}
	l.Release()
}
