package testfail

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"example.com/assert"
)

// Reported: the goroutine skips close(ready) after t.Errorf, and the
// test then hangs until go test's timeout instead of failing: a test
// failure report does not end the waiter's wait.
func TestErrorfReturn(t *testing.T) {
	ready := make(chan struct{})
	go func() {
		if err := load(); err != nil {
			t.Errorf("load: %v", err)
			return
		}
		close(ready)
	}()
	<-ready // want `receive from ready may block forever: the goroutine that sends on it can return without sending`
}

// Reported: the false side of an assertion helper (another package's,
// known by its fact) has reported the failure, but the test hangs.
func TestAssertReturn(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if !assert.NoError(t, load(), "load") {
			return
		}
		wg.Done()
	}()
	wg.Wait() // want `wg.Wait may block forever: a goroutine it waits for can return without calling wg.Done`
}

// Reported: an assertion whose false result comes straight from its own
// t.Errorf, through a testing.TB; the test hangs.
func TestAssertTB(t *testing.T) {
	var tb testing.TB = t
	done := make(chan struct{})
	go func() {
		ok := assert.True(tb, load() == nil)
		if !ok {
			return
		}
		close(done)
	}()
	<-done // want `receive from done may block forever: the goroutine that sends on it can return without sending`
}

// failf is a helper of the test's own that reports on every path.
func failf(tb testing.TB, format string, args ...any) {
	tb.Helper()
	tb.Errorf(format, args...)
}

// reporter is an interface of the test's own that *testing.T satisfies.
type reporter interface {
	Errorf(format string, args ...any)
}

// Reported: a helper that always reports, and a report through an
// interface of the test file's own; both leave a receive hanging.
func TestHelpers(t *testing.T) {
	var r reporter = t
	a := make(chan int)
	b := make(chan int)
	go func() {
		if err := load(); err != nil {
			failf(t, "load: %v", err)
			return
		}
		a <- 1
	}()
	go func() {
		if err := load(); err != nil {
			r.Errorf("load: %v", err)
			return
		}
		b <- 1
	}()
	<-a // want `receive from a may block forever: the goroutine that sends on it can return without sending`
	<-b // want `receive from b may block forever: the goroutine that sends on it can return without sending`
}

// Reported: io.EOF is the normal end of input; nothing is reported
// on the way out.
func TestEOF(t *testing.T) {
	counted := make(chan int)
	go func() {
		n := 0
		for {
			_, err := next()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Errorf("next: %v", err)
				break
			}
			n++
		}
		counted <- n
	}()
	<-counted // want `receive from counted may block forever: the goroutine that sends on it can return without sending`
}

// Reported: the ctx.Done() case returns without a report, once the
// deadline passes.
func TestCtxDone(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	got := make(chan string)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			default:
			}
			s, err := next()
			if err != nil {
				t.Errorf("next: %v", err)
				continue
			}
			got <- s
			return
		}
	}()
	<-got // want `receive from got may block forever`
}

// Not reported: the context is cancelled only by the test's deferred
// cancel, which runs once the receive is over; the ctx.Done() case
// cannot be taken before the send.
func TestCtxDoneDeferred(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan string)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			default:
			}
			s, err := next()
			if err != nil {
				t.Errorf("next: %v", err)
				continue
			}
			got <- s
			return
		}
	}()
	<-got
}

// Not reported: the goroutine cancels its own context just before it
// closes done, and nothing else cancels it (a stream watched until two
// events came).
func TestCtxDoneSelf(t *testing.T) {
	watchCtx, watchCancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	count := 0
	go func() {
		for {
			select {
			case <-watchCtx.Done():
				return
			default:
				s, err := next()
				if err != nil {
					t.Errorf("next: %v", err)
					continue
				}
				count += len(s)
				if count >= 2 {
					watchCancel()
					close(done)
				}
			}
		}
	}()
	<-done
}

// Reported: the goroutine cancels its own context on an error and
// leaves through the ctx.Done() case without closing done.
func TestCtxDoneSelfError(t *testing.T) {
	watchCtx, watchCancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-watchCtx.Done():
				return
			default:
				s, err := next()
				if err != nil {
					watchCancel()
					continue
				}
				if s != "" {
					watchCancel()
					close(done)
				}
			}
		}
	}()
	<-done // want `receive from done may block forever`
}

// Reported: a false result of a helper that reports nothing, the true
// side of one that does, a false side that reports on one path only,
// and a t.Logf, say nothing about the test.
func TestNoReport(t *testing.T) {
	a := make(chan int)
	b := make(chan int)
	c := make(chan int)
	d := make(chan int)
	go func() {
		if !assert.Quiet(t, load()) {
			return
		}
		a <- 1
	}()
	go func() {
		if assert.NoError(t, load()) {
			return
		}
		b <- 1
	}()
	go func() {
		if !assert.Maybe(t, load(), false) {
			return
		}
		c <- 1
	}()
	go func() {
		if err := load(); err != nil {
			t.Logf("load: %v", err)
			return
		}
		d <- 1
	}()
	<-a // want `receive from a may block forever`
	<-b // want `receive from b may block forever`
	<-c // want `receive from c may block forever`
	<-d // want `receive from d may block forever`
}

// Silent: the goroutine reports the failure and still closes ready on
// its way out, so the test fails instead of hanging.
func TestErrorfDeferClose(t *testing.T) {
	ready := make(chan struct{})
	go func() {
		defer close(ready)
		if err := load(); err != nil {
			t.Errorf("load: %v", err)
			return
		}
	}()
	<-ready
}

// Not reported: the goroutine returns without closing ready only when
// its own set-up fails (a bare `if err != nil { return }`): a broken
// set-up, not a path of a test that can pass.
func TestSetupBailout(t *testing.T) {
	ready := make(chan struct{})
	go func() {
		if err := load(); err != nil {
			return
		}
		close(ready)
	}()
	<-ready
}

// Reported: the goroutine decides something before it returns on the
// error (an expected error of the table), a path a passing test takes.
func TestDecidesOnError(t *testing.T) {
	wantErr := len(t.Name()) > 3
	ready := make(chan struct{})
	go func() {
		if err := load(); err != nil {
			if wantErr {
				return
			}
		}
		close(ready)
	}()
	<-ready // want `receive from ready may block forever`
}
