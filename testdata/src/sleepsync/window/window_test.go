package window

import (
	"sync/atomic"
	"testing"
	"time"
)

// Only one of the two queue subscribers may get the message; the other
// stays blocked in Read for good, so nothing can wait for both.
func TestOneOfTwo(t *testing.T) {
	b := &Bus{}
	r1, r2 := b.SubscribeQueue(), b.SubscribeQueue()
	b.Publish("m")
	var n atomic.Int64
	go func() {
		if _, ok := r1.Read(); ok {
			n.Add(1)
		}
	}()
	go func() {
		if _, ok := r2.Read(); ok {
			n.Add(1)
		}
	}()
	time.Sleep(100 * time.Millisecond) // not reported: a window for an at-most check
	equalValues(t, int64(1), n.Load())
}

// A cancelled subscription must deliver nothing within the window.
func TestNothingDelivered(t *testing.T) {
	b := &Bus{}
	r := b.SubscribeQueue()
	var got atomic.Int32
	go func() {
		if _, ok := r.Read(); ok {
			got.Add(1)
		}
	}()
	time.Sleep(50 * time.Millisecond) // not reported: the check wants nothing done
	if got.Load() != 0 {
		t.Fatalf("delivered %d", got.Load())
	}
}

// The check wants the goroutine's work done: the sleep stands in for
// waiting for it.
func TestSomethingDelivered(t *testing.T) {
	b := &Bus{}
	r := b.SubscribeQueue()
	b.Publish("m")
	var got atomic.Int32
	go func() {
		if _, ok := r.Read(); ok {
			got.Add(1)
		}
	}()
	time.Sleep(50 * time.Millisecond) // want `time.Sleep used to wait for a goroutine started at line 53`
	if got.Load() == 0 {
		t.Fatal("nothing delivered")
	}
}

// Both goroutines are expected to finish: two of two.
func TestBothCount(t *testing.T) {
	var n atomic.Int64
	for i := 0; i < 2; i++ {
		go func() { n.Add(1) }()
	}
	time.Sleep(50 * time.Millisecond) // want `time.Sleep used to wait`
	equalValues(t, int64(2), n.Load())
}

// One goroutine adding three times, the check wanting all three.
func TestThree(t *testing.T) {
	var n atomic.Int64
	go func() {
		for i := 0; i < 3; i++ {
			n.Add(1)
		}
	}()
	time.Sleep(50 * time.Millisecond) // want `time.Sleep used to wait`
	if n.Load() != 3 {
		t.Fatal("not all done")
	}
}
