// Package testend: code after a call that ends the test goroutine does
// not run; code after one that only reports, or that ends another
// goroutine, does.
package testend

import (
	"errors"
	"testing"

	"sendafterclose/testhelp"
)

func work() error { return errors.New("x") }

// fatalfer is the part of testing.TB the helpers need.
type fatalfer interface {
	Helper()
	Fatalf(format string, args ...any)
}

func mustNoErr(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

func noError(f fatalfer, err error) {
	f.Helper()
	if err != nil {
		f.Fatalf("%v", err)
	}
}

func fail(tb testing.TB) { tb.Helper(); tb.FailNow() }

func expectNoErr(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Errorf("unexpected: %v", err)
	}
}

type suite struct{ t *testing.T }

func (s suite) require(err error) {
	if err != nil {
		s.t.Fatalf("%v", err)
	}
}

// Silent: each helper ends the test on the branch that closed.

func TestTB(t *testing.T) {
	ch := make(chan struct{})
	if err := work(); err != nil {
		close(ch)
		mustNoErr(t, err)
	}
	close(ch)
}

func TestOwnInterface(t *testing.T) {
	ch := make(chan struct{})
	if err := work(); err != nil {
		close(ch)
		noError(t, err)
	}
	close(ch)
}

func TestAlways(t *testing.T) {
	ch := make(chan int, 1)
	if work() != nil {
		close(ch)
		fail(t)
	}
	ch <- 1
}

func TestWrapper(t *testing.T) {
	s := suite{t}
	ch := make(chan struct{})
	if err := work(); err != nil {
		close(ch)
		s.require(err)
	}
	close(ch)
}

func TestOtherPackage(t *testing.T) {
	a, b, c := make(chan struct{}), make(chan struct{}), make(chan struct{})
	if err := work(); err != nil {
		close(a)
		testhelp.Must(t, err)
	}
	close(a)
	if err := work(); err != nil {
		close(b)
		testhelp.NoError(t, err)
	}
	close(b)
	if work() != nil {
		close(c)
		testhelp.Fail(t, "x")
	}
	close(c)
}

// Reported: the code after the helper runs.

func TestErrorfOnly(t *testing.T) {
	ch := make(chan struct{})
	if err := work(); err != nil {
		close(ch)
		expectNoErr(t, err)
	}
	close(ch) // want `ch closed a second time`
}

func TestCheckOtherPackage(t *testing.T) {
	ch := make(chan struct{})
	if err := work(); err != nil {
		close(ch)
		testhelp.Check(t, err)
	}
	close(ch) // want `ch closed a second time`
}

// The helper ends the test only if its error is not nil, and the one
// it is given here may be nil.
func TestOtherError(t *testing.T) {
	ch := make(chan struct{})
	err2 := work()
	if err := work(); err != nil {
		close(ch)
		mustNoErr(t, err2)
	}
	close(ch) // want `ch closed a second time`
}

// t.Fatal ends the goroutine that calls it, not the test function.
func TestFatalInGoroutine(t *testing.T) {
	ch := make(chan int, 1)
	if err := work(); err != nil {
		close(ch)
		done := make(chan struct{})
		go func() {
			defer close(done)
			t.Fatal(err)
		}()
		<-done
	}
	ch <- 1 // want `send on ch after it was closed`
}
