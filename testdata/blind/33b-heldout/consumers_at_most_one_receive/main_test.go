// GOOD: several consumers block in Pop and exactly one item is pushed; all but one of them
// are supposed to stay blocked, so the test watches for a fixed window and checks that at
// most one consumer received the item. Waiting for all of them would hang by design.
package workqueue

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestSingleItemDeliveredToAtMostOneConsumer(t *testing.T) {
	q := NewQueue()
	defer q.Close()

	var received atomic.Int32
	const consumers = 5
	for i := 0; i < consumers; i++ {
		go func() {
			if _, ok := q.Pop(); ok {
				received.Add(1)
			}
		}()
	}

	q.Push("job-42")

	// Observation window: extra deliveries, if the queue were buggy, would show up here.
	time.Sleep(100 * time.Millisecond)

	if got := received.Load(); got > 1 {
		t.Fatalf("item delivered to %d consumers, want at most 1", got)
	}
}
