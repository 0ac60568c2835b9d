// GOOD: the goroutine's send is the failure signal (a flush after Stop); receiving it sets
// got = true, which the assertion after the loop rejects, and the test passes only when the window passes empty.
package debounce

import (
	"testing"
	"time"
)

func TestStopSuppressesPendingFlush(t *testing.T) {
	calls := make(chan int, 4)
	d := New(20*time.Millisecond, func(n int) { calls <- n })

	for i := 0; i < 3; i++ {
		d.Trigger()
	}
	d.Stop()

	unexpected := make(chan int)
	go func() {
		n := <-calls
		unexpected <- n
	}()

	got := false
	var flushed int
	window := time.After(5 * d.delay)
wait:
	for {
		select {
		case flushed = <-unexpected:
			got = true
			break wait
		case <-window:
			break wait
		}
	}

	if got {
		t.Fatalf("flush with %d pending triggers fired after Stop", flushed)
	}
}
