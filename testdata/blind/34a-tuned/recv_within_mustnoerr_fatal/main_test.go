// GOOD: recvWithin's error is non-nil exactly when it timed out, and mustNoErr calls
// t.Fatalf on any non-nil error, so the parser goroutine can only be stranded in a failed test.
package config

import (
	"fmt"
	"io"
	"testing"
	"time"
)

func recvWithin[T any](ch <-chan T, d time.Duration) (T, error) {
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		var zero T
		return zero, fmt.Errorf("no value received within %v", d)
	}
}

func mustNoErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

type parsed struct {
	cfg Config
	err error
}

func TestParseFromPipe(t *testing.T) {
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprintln(pw, "# service config")
		fmt.Fprintln(pw, "listen = :8080")
		fmt.Fprintln(pw, "log_level=debug")
		pw.Close()
	}()

	ch := make(chan parsed)
	go func() {
		cfg, err := Parse(pr)
		ch <- parsed{cfg: cfg, err: err}
	}()

	res, err := recvWithin(ch, 500*time.Millisecond)
	mustNoErr(t, err)
	mustNoErr(t, res.err)
	if got := res.cfg.Get("listen", ""); got != ":8080" {
		t.Errorf("listen = %q, want :8080", got)
	}
	if got := res.cfg.Get("timeout", "30s"); got != "30s" {
		t.Errorf("timeout default = %q, want 30s", got)
	}
}
