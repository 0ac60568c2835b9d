package events

import (
	"sort"
	"sync"
	"testing"
	"time"
)

func TestPublishReachesAllSubscribers(t *testing.T) {
	b := NewBus()
	var mu sync.Mutex
	var got []string
	record := func(name string) func(Event) {
		return func(e Event) {
			mu.Lock()
			got = append(got, name+":"+e.Payload)
			mu.Unlock()
		}
	}
	b.Subscribe("orders", record("billing"))
	b.Subscribe("orders", record("shipping"))
	b.Subscribe("users", record("crm"))

	b.Publish(Event{Topic: "orders", Payload: "o-1"})
	b.Publish(Event{Topic: "users", Payload: "u-9"})

	time.Sleep(20 * time.Millisecond)

	mu.Lock()
	defer mu.Unlock()
	sort.Strings(got)
	want := []string{"billing:o-1", "crm:u-9", "shipping:o-1"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}
