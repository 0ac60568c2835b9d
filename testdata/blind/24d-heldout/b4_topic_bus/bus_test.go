package b4_topic_bus

import "testing"

func TestPublishSingleTopic(t *testing.T) {
	b := NewBus(4)
	ch, err := b.Subscribe("orders")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Publish(Event{Topic: "orders", Payload: []byte("1")}); err != nil {
		t.Fatal(err)
	}
	if ev := <-ch; string(ev.Payload) != "1" {
		t.Fatalf("got %q", ev.Payload)
	}
	b.Close()
	if _, ok := <-ch; ok {
		t.Fatal("channel still open after Close")
	}
}
