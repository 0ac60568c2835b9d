// GOOD: Deliver sends on the unbuffered got channel, and the test drains exactly one
// message per publish with expectMessage, whose select receives from that channel.

package broker

import (
	"testing"
	"time"
)

type delivery struct {
	topic, payload string
}

type fakeSubscriber struct {
	got chan delivery
}

func newFakeSubscriber() *fakeSubscriber {
	return &fakeSubscriber{got: make(chan delivery)}
}

func (f *fakeSubscriber) Deliver(topic, payload string) {
	f.got <- delivery{topic: topic, payload: payload}
}

func expectMessage(t *testing.T, ch <-chan delivery, want string) {
	t.Helper()
	select {
	case d := <-ch:
		if d.payload != want {
			t.Fatalf("delivered %q on %s, want %q", d.payload, d.topic, want)
		}
	case <-time.After(time.Second):
		t.Fatalf("timed out waiting for %q", want)
	}
}

func TestPublishFansOut(t *testing.T) {
	b := New()
	a, c := newFakeSubscriber(), newFakeSubscriber()
	b.Subscribe("builds", a)
	b.Subscribe("builds", c)
	b.Subscribe("deploys", newFakeSubscriber())

	if n := b.Publish("builds", "build #41 passed"); n != 2 {
		t.Fatalf("Publish notified %d subscribers, want 2", n)
	}
	expectMessage(t, a.got, "build #41 passed")
	expectMessage(t, c.got, "build #41 passed")
	b.Wait()
}
