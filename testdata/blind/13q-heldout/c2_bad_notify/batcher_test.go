package metrics

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestFlusherCountsPoints(t *testing.T) {
	var calls atomic.Int32
	write := func(b []*Point) error {
		if calls.Add(1) == 1 {
			return errors.New("store unavailable")
		}
		return nil
	}
	f := NewFlusher(write)

	var flushed atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for n := range f.Progress() {
			flushed.Add(int64(n))
		}
	}()

	f.Submit([]*Point{{Series: "cpu", Value: 0.4}, {Series: "mem", Value: 512}})
	f.Submit([]*Point{{Series: "cpu", Value: 0.5}})
	f.Close()
	<-done

	if calls.Load() < 2 {
		t.Fatalf("write called %d times, want at least 2", calls.Load())
	}
	t.Logf("flushed %d points", flushed.Load())
}
