package testassert

import (
	"fmt"
	"testing"
	"time"
)

// requireTrue fails the test when cond is false.
func requireTrue(t *testing.T, cond bool, msg string) {
	t.Helper()
	if !cond {
		t.Fatalf("requirement failed: %s", msg)
	}
}

// softTrue only logs when cond is false.
func softTrue(t *testing.T, cond bool, msg string) {
	t.Helper()
	if !cond {
		t.Logf("note: %s", msg)
	}
}

// mustNoErr fails the test on any error.
func mustNoErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

// expect fails the test through requireTrue: a helper calling a
// helper.
func expect(t *testing.T, ok bool) { requireTrue(t, ok, "expectation failed") }

// quietCheck tests cond only when verbose: it may not fail.
func quietCheck(t *testing.T, cond, verbose bool) {
	if verbose {
		requireTrue(t, cond, "check")
	}
}

// waitFor returns the next value from ch, or the zero value and false
// after d.
func waitFor[T any](ch <-chan T, d time.Duration) (T, bool) {
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		var zero T
		return zero, false
	}
}

// recvWithin returns a non-nil error exactly when ch stays silent for d.
func recvWithin[T any](ch <-chan T, d time.Duration) (T, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		var zero T
		return zero, fmt.Errorf("nothing within %v", d)
	}
}

// Not reported: the generic helper's false goes to requireTrue, which
// fails the test.
func TestGenericRequire(t *testing.T) {
	got := make(chan int)
	go func() { got <- compute() }()
	v, ok := waitFor(got, time.Second)
	requireTrue(t, ok, "no value")
	_ = v
}

// Not reported: an inline select sets a flag that requireTrue checks.
func TestInlineFlag(t *testing.T) {
	got := make(chan int)
	go func() { got <- compute() }()
	received := false
	select {
	case <-got:
		received = true
	case <-time.After(time.Second):
	}
	requireTrue(t, received, "no value")
}

// Not reported: the error on the timeout is never nil, and mustNoErr
// fails on it.
func TestErrorHelper(t *testing.T) {
	got := make(chan int)
	go func() { got <- compute() }()
	_, err := recvWithin(got, time.Second)
	mustNoErr(t, err)
}

// Not reported: expect fails through requireTrue.
func TestNestedHelper(t *testing.T) {
	got := make(chan int)
	go func() { got <- compute() }()
	_, ok := waitFor(got, time.Second)
	expect(t, ok)
}

// Reported: softTrue only logs, so the test passes with the sender
// stranded.
func TestSoftHelper(t *testing.T) {
	got := make(chan int) // want `goroutine leak: the send on unbuffered channel got blocks forever`
	go func() { got <- compute() }()
	_, ok := waitFor(got, time.Second)
	softTrue(t, ok, "no value yet")
}

// Reported: the inline flag goes to a helper that only logs.
func TestInlineSoft(t *testing.T) {
	got := make(chan int) // want `goroutine leak: the send on unbuffered channel got blocks forever`
	go func() { got <- compute() }()
	received := false
	select {
	case <-got:
		received = true
	case <-time.After(time.Second):
	}
	softTrue(t, received, "no value yet")
}

// Reported: quietCheck may skip its check.
func TestMaySkip(t *testing.T) {
	got := make(chan int) // want `goroutine leak: the send on unbuffered channel got blocks forever`
	go func() { got <- compute() }()
	_, ok := waitFor(got, time.Second)
	quietCheck(t, ok, false)
}
