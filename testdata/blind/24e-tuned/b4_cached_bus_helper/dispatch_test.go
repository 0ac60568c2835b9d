package b4_cached_bus_helper

import (
	"sync"
	"sync/atomic"
	"testing"
)

type testBus struct {
	msgs chan Message
}

func newTestBus() *testBus {
	return &testBus{msgs: make(chan Message, 16)}
}

var (
	busOnce   sync.Once
	cachedBus *testBus
)

// getTestBus returns the bus for a test. The bus is built once and reused
// because setting it up used to be expensive.
func getTestBus() *testBus {
	busOnce.Do(func() { cachedBus = newTestBus() })
	return cachedBus
}

func TestDispatchFanout(t *testing.T) {
	t.Parallel()
	bus := getTestBus()
	d := NewDispatcher()
	var got atomic.Int32
	d.Handle("orders", func(Message) { got.Add(1) })

	go func() {
		for i := 0; i < 5; i++ {
			bus.msgs <- Message{Topic: "orders", Payload: "o"}
		}
	}()
	go d.Serve(bus.msgs)
}

func TestDispatchDropsUnknownTopic(t *testing.T) {
	t.Parallel()
	bus := getTestBus()
	d := NewDispatcher()
	bus.msgs <- Message{Topic: "nobody-listens"}
	close(bus.msgs) // BAD: getTestBus returns the same cached bus; TestDispatchFanout's goroutine may still send on it
	d.Serve(bus.msgs)
	if d.Dropped() == 0 {
		t.Fatalf("expected at least one dropped message")
	}
}
