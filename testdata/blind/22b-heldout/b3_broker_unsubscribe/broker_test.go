package b3_broker_unsubscribe

import (
	"testing"
	"time"
)

func TestSubscriberGetsEvent(t *testing.T) {
	b := NewBroker()
	sub := b.Subscribe("orders")

	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 3; i++ {
			b.Publish(Event{Topic: "orders", Payload: "created"})
			time.Sleep(time.Millisecond)
		}
	}()

	ev := <-sub.C()
	if ev.Payload != "created" {
		t.Fatalf("payload = %q", ev.Payload)
	}
	sub.Unsubscribe()
	<-done
}
