// Correct: each subtest runs once and starts a single fake peer that parks on its channel when the subtest ends.
package g2_rpc_fake_peer

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestClientCall(t *testing.T) {
	t.Run("echo", func(t *testing.T) {
		toPeer := make(chan Frame)
		fromPeer := make(chan Frame)
		// Loopback peer: every request comes straight back as its response.
		go func() {
			for {
				fromPeer <- <-toPeer
			}
		}()

		c := NewClient(Transport{Send: toPeer, Recv: fromPeer})
		for _, body := range []string{"a", "b", "c"} {
			got, err := c.Call(context.Background(), "Echo", body)
			if err != nil || got != body {
				t.Fatalf("Call(%q) = %q, %v", body, got, err)
			}
		}
	})

	t.Run("stale-response", func(t *testing.T) {
		toPeer := make(chan Frame)
		fromPeer := make(chan Frame)
		// Misbehaving peer: always answers with an old request id.
		go func() {
			for {
				select {
				case req := <-toPeer:
					fromPeer <- Frame{ID: req.ID + 100, Body: req.Body}
				}
			}
		}()

		c := NewClient(Transport{Send: toPeer, Recv: fromPeer})
		if _, err := c.Call(context.Background(), "Echo", "x"); !errors.Is(err, ErrMismatch) {
			t.Fatalf("err = %v, want ErrMismatch", err)
		}
	})

	t.Run("timeout", func(t *testing.T) {
		c := NewClient(Transport{Send: make(chan Frame), Recv: make(chan Frame)})
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
		defer cancel()
		if _, err := c.Call(ctx, "Echo", "x"); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v", err)
		}
	})
}
