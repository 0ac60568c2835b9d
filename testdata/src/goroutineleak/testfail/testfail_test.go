package testfail

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"example.com/assert"
)

// Silent: the test returns before receiving only on the false side of
// an assertion (another package's, known by its fact).
func TestAssertReturn(t *testing.T) {
	rcvd := make(chan struct{})
	go func() {
		rcvd <- struct{}{}
	}()
	if !assert.NoError(t, work()) {
		return
	}
	<-rcvd
}

// Silent: the only other way out is a time-out case that fails the
// test with a helper that always reports.
func TestTimeout(t *testing.T) {
	written := make(chan int)
	go func() {
		written <- 1
	}()
	select {
	case n := <-written:
		assert.Equal(t, 1, n)
	case <-time.After(time.Second):
		assert.Fail(t, "writer not released")
	}
}

// Silent: t.Errorf, then return.
func TestErrorf(t *testing.T) {
	res := make(chan error)
	go func() {
		res <- serve()
	}()
	if err := work(); err != nil {
		t.Errorf("work: %v", err)
		return
	}
	<-res
}

// Reported: the passing path returns on the wait's Done case without
// receiving.
func TestStaysUp(t *testing.T) {
	serveErr := make(chan error) // want `goroutine leak: the send on unbuffered channel serveErr blocks forever once the receiver returns without receiving`
	go func() {
		serveErr <- serve()
	}()
	wait, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	select {
	case err := <-serveErr:
		t.Fatalf("Serve returned early: %v", err)
	case <-wait.Done():
		return
	}
}

// Reported: a false result that reports nothing, and a t.Logf.
func TestNoReport(t *testing.T) {
	a := make(chan error) // want `goroutine leak: the send on unbuffered channel a blocks forever`
	go func() {
		a <- serve()
	}()
	if !assert.Quiet(t, work()) {
		return
	}
	<-a
}

func TestLogf(t *testing.T) {
	b := make(chan error) // want `goroutine leak: the send on unbuffered channel b blocks forever`
	go func() {
		b <- serve()
	}()
	if err := work(); err != nil {
		t.Logf("work: %v", err)
		return
	}
	<-b
}

// Not reported: a test helper that hands its error to the caller (who
// fails the test on it) at once, when its own set-up fails; only a
// broken set-up strands the accepting goroutine.
func pair() (string, error) {
	got := make(chan string)
	go func() {
		got <- serve().Error()
	}()
	if err := work(); err != nil {
		return "", err
	}
	return <-got, nil
}

// Reported: the helper returns early on a result, not on a failed
// set-up.
func firstOf() (string, error) {
	got := make(chan string) // want `goroutine leak: the send on unbuffered channel got blocks forever`
	go func() {
		got <- serve().Error()
	}()
	if err := work(); err == nil {
		return "cached", nil
	}
	return <-got, nil
}

// Not reported: the helper's goroutine sends only once wg is done; the
// test takes the value only in a case that fails it, so in a passing
// run the goroutine never gets to its send.
func waitAll(wg *sync.WaitGroup) chan bool {
	ch := make(chan bool)
	go func() {
		wg.Wait()
		ch <- true
	}()
	return ch
}

func TestNothingRuns(t *testing.T) {
	wg := &sync.WaitGroup{}
	wg.Add(1)
	select {
	case <-time.After(time.Millisecond):
	case <-waitAll(wg):
		t.Fatal("nothing should have run")
	}
}

// waitFor fails the test when ch stays silent: its timeout case strands
// the sender only in a test that has failed.
func waitFor(t *testing.T, ch chan struct{}) {
	select {
	case <-ch:
	case <-time.After(time.Second):
		t.Fatalf("timed out")
	}
}

// waitOrLog only logs on its timeout: the test passes, the sender
// stays blocked.
func waitOrLog(t *testing.T, ch chan struct{}) {
	select {
	case <-ch:
	case <-time.After(time.Second):
		t.Logf("timed out")
	}
}

func TestWaitHelper(t *testing.T) {
	done := make(chan struct{})
	go func() {
		_, _ = pair()
		done <- struct{}{}
	}()
	waitFor(t, done)
}

func TestWaitLogHelper(t *testing.T) {
	done := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel done blocks forever`
	go func() {
		_, _ = pair()
		done <- struct{}{}
	}()
	waitOrLog(t, done)
}

// next returns the next event, or "" once the subscription is closed.
func next(sub chan string) string {
	return <-sub
}

// Not reported: the goroutine sends only if an event arrives, which
// the test requires not to happen within the window; receiving one
// makes the assertion after the loop fail. It is stranded only when
// the event comes after the test saw the window pass.
func TestNoEventWithinWindow(t *testing.T) {
	sub := make(chan string, 1)
	got := make(chan string)
	go func() {
		if ev := next(sub); ev != "" {
			got <- ev
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	none := false
loop:
	for {
		select {
		case <-ctx.Done():
			none = true
			break loop
		case <-got:
			none = false
			break loop
		}
	}
	assert.True(t, none)
	close(sub)
}

// Not reported: receiving the callback's signal fails the test.
func TestCallbackMustNotFire(t *testing.T) {
	fired := make(chan struct{})
	go func() {
		if work() != nil {
			fired <- struct{}{}
		}
	}()
	select {
	case <-fired:
		t.Fatal("callback fired")
	case <-time.After(10 * time.Millisecond):
	}
}

// Reported: receiving the signal only logs; the test passes either way.
func TestCallbackLogged(t *testing.T) {
	fired := make(chan struct{}) // want `goroutine leak: the send on unbuffered channel fired blocks forever`
	go func() {
		if work() != nil {
			fired <- struct{}{}
		}
	}()
	select {
	case <-fired:
		t.Logf("callback fired")
	case <-time.After(10 * time.Millisecond):
	}
}

// Reported: the flag the receive sets is only logged, never asserted.
func TestSeenLogged(t *testing.T) {
	sub := make(chan string, 1)
	got := make(chan string) // want `goroutine leak: the send on unbuffered channel got blocks forever`
	go func() {
		if ev := next(sub); ev != "" {
			got <- ev
		}
	}()
	seen := false
	select {
	case <-got:
		seen = true
	case <-time.After(10 * time.Millisecond):
	}
	t.Logf("seen: %v", seen)
	close(sub)
}

// recvTimeout returns nil when ch stays silent for d.
func recvTimeout(ch chan error, d time.Duration) error {
	select {
	case err := <-ch:
		return err
	case <-time.After(d):
		return nil
	}
}

// waitValue reports false when ch stays silent for d.
func waitValue(ch chan int, d time.Duration) (int, bool) {
	select {
	case n := <-ch:
		return n, true
	case <-time.After(d):
		return 0, false
	}
}

// Not reported: the helper returns nil only on its timeout, and the
// test fails on nil: a stranded sender means a failed test.
func TestRecvTimeoutFails(t *testing.T) {
	done := make(chan error)
	go func() {
		done <- errors.New("written")
	}()
	if err := recvTimeout(done, time.Second); err == nil {
		t.Fatal("timed out")
	}
}

// Not reported: false from the helper fails the test.
func TestWaitValueFails(t *testing.T) {
	vals := make(chan int)
	go func() {
		vals <- 1
	}()
	n, ok := waitValue(vals, time.Second)
	if !ok {
		t.Fatal("timed out")
	}
	_ = n
}

// Reported: the timeout only logs, and the test passes.
func TestWaitValueLogs(t *testing.T) {
	vals := make(chan int) // want `goroutine leak: the send on unbuffered channel vals blocks forever`
	go func() {
		vals <- 1
	}()
	if _, ok := waitValue(vals, time.Second); !ok {
		t.Log("timed out")
	}
}
