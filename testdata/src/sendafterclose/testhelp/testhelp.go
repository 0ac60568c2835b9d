// Package testhelp holds test helpers another package calls: whether
// they end the test reaches the caller through a fact.
package testhelp

import "testing"

// Fail always ends the test.
func Fail(tb testing.TB, msg string) {
	tb.Helper()
	tb.Fatalf("%s", msg)
}

// Must ends the test when err is not nil, and returns otherwise.
func Must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// Check only reports err: the test goes on.
func Check(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Error(err)
	}
}

// Reporter is what the assertions need of a test; *testing.T has it.
type Reporter interface {
	Errorf(format string, args ...any)
	FailNow()
}

// NoError ends the test through r when err is not nil.
func NoError(r Reporter, err error) {
	if err != nil {
		r.Errorf("%v", err)
		r.FailNow()
	}
}
