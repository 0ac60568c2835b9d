package debounce

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestCancelBeforeQuietPeriod(t *testing.T) {
	var calls atomic.Int32
	const quiet = 100 * time.Millisecond

	saves := make([]*Debouncer, 4)
	for i := range saves {
		saves[i] = New(quiet, func() { calls.Add(1) })
		saves[i].Trigger()
	}

	for _, d := range saves {
		go func() {
			<-time.After(3 * time.Millisecond)
			d.Cancel()
		}()
	}

	time.Sleep(4 * quiet)

	if n := calls.Load(); n != 0 {
		t.Fatalf("debounced func ran %d times after Cancel", n)
	}
}
