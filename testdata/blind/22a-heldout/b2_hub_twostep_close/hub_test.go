package b2_hub_twostep_close

import (
	"errors"
	"testing"
)

func TestShutdownReason(t *testing.T) {
	h := NewHub()
	ch, cancel, err := h.Subscribe(4)
	if err != nil {
		t.Fatal(err)
	}
	defer cancel()
	if err := h.Publish(Message{Topic: "a"}); err != nil {
		t.Fatal(err)
	}
	<-ch
	boom := errors.New("upstream gone")
	go h.Shutdown(boom)
	for range ch {
	}
	if _, _, err := h.Subscribe(1); err == nil {
		t.Log("subscribe raced with shutdown")
	}
	_ = h.Err()
}
