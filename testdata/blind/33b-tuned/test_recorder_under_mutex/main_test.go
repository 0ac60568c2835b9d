// BAD: the test dispatches events from several goroutines, sleeps, and then asserts on what
// the recorder captured; the recorder is mutex-protected, so there is no data race, but the
// sleep does not guarantee the dispatch goroutines have run.
package events

import (
	"sort"
	"sync"
	"testing"
	"time"
)

type recorder struct {
	mu   sync.Mutex
	seen []string
}

func (r *recorder) Handle(e Event) {
	r.mu.Lock()
	r.seen = append(r.seen, e.Name)
	r.mu.Unlock()
}

func (r *recorder) names() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := append([]string(nil), r.seen...)
	sort.Strings(out)
	return out
}

func TestBusDeliversMatchingEvents(t *testing.T) {
	bus := NewBus()
	rec := &recorder{}
	bus.On("order.", rec)

	events := []Event{
		{Name: "order.created", Payload: "1"},
		{Name: "user.login", Payload: "alice"},
		{Name: "order.shipped", Payload: "1"},
	}
	for _, e := range events {
		go bus.Dispatch(e)
	}

	time.Sleep(20 * time.Millisecond) // want "time.Sleep used to wait"

	got := rec.names()
	want := []string{"order.created", "order.shipped"}
	if len(got) != len(want) {
		t.Fatalf("recorded %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("recorded[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}
