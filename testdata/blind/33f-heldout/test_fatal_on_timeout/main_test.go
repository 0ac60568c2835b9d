package ratelimit

import (
	"testing"
	"time"
)

// waitFor returns the next value from ch, or the zero value and false after d.
func waitFor[T any](ch <-chan T, d time.Duration) (T, bool) {
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		var zero T
		return zero, false
	}
}

func TestWaitAdmitsFirstCallerImmediately(t *testing.T) {
	l := New(100 * time.Millisecond)

	admitted := make(chan time.Time)
	go func() {
		admitted <- l.Wait()
	}()

	at, ok := waitFor(admitted, time.Second)
	if !ok {
		t.Fatal("timed out waiting for the first token")
	}
	if time.Since(at) > time.Second {
		t.Errorf("first token admitted at %v, too long ago", at)
	}
}

func TestWaitSpacesCallers(t *testing.T) {
	l := New(20 * time.Millisecond)
	l.Wait()

	second := make(chan time.Time)
	go func() {
		second <- l.Wait()
	}()

	if _, ok := waitFor(second, time.Second); !ok {
		t.Fatal("timed out waiting for the second token")
	}
}
