package heartbeat

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRunStopsOnCancel(t *testing.T) {
	got := make(chan int, 100)
	b := New(5*time.Millisecond, func(seq int) error {
		got <- seq
		return nil
	})

	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- b.Run(ctx) }()

	select {
	case <-got:
	case <-time.After(time.Second):
		t.Fatal("no heartbeat within 1s")
	}
	cancel()

	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("Run returned %v, want nil", err)
		}
	case <-time.After(time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if b.Sent() == 0 {
		t.Fatal("Sent() = 0 after a heartbeat was observed")
	}
}

func TestRunReturnsSendError(t *testing.T) {
	boom := errors.New("peer gone")
	b := New(time.Millisecond, func(int) error { return boom })

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- b.Run(ctx) }()

	if err := <-errc; !errors.Is(err, boom) {
		t.Fatalf("Run returned %v, want %v", err, boom)
	}
}
