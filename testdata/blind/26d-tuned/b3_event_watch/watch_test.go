package b3_event_watch

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestWaitForDelivers(t *testing.T) {
	h := NewHub()
	defer h.Close()
	go func() {
		time.Sleep(10 * time.Millisecond)
		h.Publish(Event{Key: "cfg", Value: "v2"})
	}()
	ev, err := h.WaitFor(context.Background(), "cfg", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Value != "v2" {
		t.Fatalf("got %q", ev.Value)
	}
}

func TestWaitForTimeout(t *testing.T) {
	h := NewHub()
	defer h.Close()
	_, err := h.WaitFor(context.Background(), "cfg", 5*time.Millisecond)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}
