// Package assert is an assertion library shaped like testify's: it
// does not import testing; its TestingT is an interface *testing.T
// satisfies, and each assertion returns false only after t.Errorf.
package assert

import "fmt"

// TestingT is what the assertions report on.
type TestingT interface {
	Errorf(format string, args ...any)
}

type tHelper interface{ Helper() }

// Fail reports a failure on every path, and returns false.
func Fail(t TestingT, msg string, args ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	t.Errorf("%s", fmt.Sprint(append([]any{msg}, args...)...))
	return false
}

// NoError returns true, or false after Fail.
func NoError(t TestingT, err error, args ...any) bool {
	if err != nil {
		return Fail(t, "unexpected error: "+err.Error(), args...)
	}
	return true
}

// Equal returns true, or false after Fail.
func Equal(t TestingT, want, got any) bool {
	if want != got {
		return Fail(t, fmt.Sprintf("%v != %v", want, got))
	}
	return true
}

// True reports directly, and returns false after it.
func True(t TestingT, ok bool) bool {
	if !ok {
		t.Errorf("should be true")
		return false
	}
	return true
}

// Quiet returns false without reporting anything: a false result says
// nothing about the test.
func Quiet(t TestingT, err error) bool {
	return err == nil
}

// Maybe reports on one of its false paths only.
func Maybe(t TestingT, err error, loud bool) bool {
	if err != nil {
		if loud {
			t.Errorf("%v", err)
		}
		return false
	}
	return true
}
