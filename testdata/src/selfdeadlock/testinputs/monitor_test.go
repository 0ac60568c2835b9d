package testinputs

import (
	"strings"
	"testing"
)

// An empty input: listen closes the channels without sending, as the
// test checks. Its send runs only for inputs the test does not give.
func TestListenEmpty(t *testing.T) {
	m := &monitor{}
	events := make(chan Event)
	errs := make(chan error)
	m.listen(strings.NewReader(""), events, errs)
	if _, ok := <-events; ok {
		t.Fatal("events should be closed")
	}
}

// summarize sends on every path: called directly, it blocks for ever.
func TestSummarize(t *testing.T) {
	done := make(chan int)
	summarize([]string{"a"}, done) // want `send on unbuffered channel done blocks forever: no other goroutine can receive from it`
	if n := <-done; n != 1 {
		t.Fatal(n)
	}
}
