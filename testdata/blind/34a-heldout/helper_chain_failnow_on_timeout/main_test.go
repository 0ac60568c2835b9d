// GOOD: when the select times out, assertDelivered calls failNow, which does t.Errorf
// and t.FailNow; the test stops as failed, so the blocked sender only exists then.
package pubsub

import (
	"testing"
	"time"
)

func failNow(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Errorf(format, args...)
	t.FailNow()
}

func assertDelivered(t *testing.T, delivered bool, topic string) {
	t.Helper()
	if !delivered {
		failNow(t, "no message delivered on %q before the deadline", topic)
	}
}

func TestPublishReachesAsyncSubscriber(t *testing.T) {
	b := NewBroker()

	inbox := make(chan Message)
	b.Subscribe("orders.created", func(m Message) {
		go func() {
			inbox <- m
		}()
	})

	if n := b.Publish(Message{Topic: "orders.created", Body: []byte(`{"id":42}`)}); n != 1 {
		t.Fatalf("Publish reached %d handlers, want 1", n)
	}

	var got Message
	delivered := false
	select {
	case got = <-inbox:
		delivered = true
	case <-time.After(250 * time.Millisecond):
	}
	assertDelivered(t, delivered, "orders.created")

	if string(got.Body) != `{"id":42}` {
		t.Errorf("body = %s, want {\"id\":42}", got.Body)
	}
}

func TestPublishWithoutSubscribers(t *testing.T) {
	if n := NewBroker().Publish(Message{Topic: "nobody"}); n != 0 {
		t.Fatalf("Publish = %d, want 0", n)
	}
}
