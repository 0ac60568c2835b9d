// GOOD: the goroutine's send is the failure signal (an event after Unsubscribe); the
// test passes only when the window ends with nothing received, and fails if it receives.
package pubsub

import (
	"testing"
	"time"
)

func TestUnsubscribedReceivesNothing(t *testing.T) {
	bus := NewBus()
	sub := bus.Subscribe("orders")
	bus.Unsubscribe("orders", sub)

	leaked := make(chan Event)
	go func() {
		e := <-sub
		leaked <- e
	}()

	bus.Publish(Event{Topic: "orders", Payload: "id=42"})

	select {
	case e := <-leaked:
		t.Fatalf("received %+v after Unsubscribe", e)
	case <-time.After(100 * time.Millisecond):
		// Nothing arrived within the window: the subscription is detached.
	}
}
