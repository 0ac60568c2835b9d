package b1_event_dispatch

import (
	"testing"
	"time"
)

func TestPublishDelivers(t *testing.T) {
	d := NewDispatcher(4, 50*time.Millisecond)
	defer d.Close()
	ch := d.Subscribe("audit", 1)
	if err := d.Publish(Event{Topic: "user.created"}); err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-ch:
		if ev.Topic != "user.created" {
			t.Fatalf("got topic %q", ev.Topic)
		}
	case <-time.After(time.Second):
		t.Fatal("event not delivered")
	}
	if n := d.Dropped("audit"); n != 0 {
		t.Fatalf("dropped = %d", n)
	}
}
