// BAD: requireTrue only calls t.Logf when the select times out, so the test goes on
// and passes while the goroutine is stuck on `ch <- v` with nobody left to receive.
package cache

import (
	"strings"
	"testing"
	"time"
)

// requireTrue records a failed expectation. Flaky backends made hard failures
// noisy in CI, so it only logs.
func requireTrue(t *testing.T, cond bool, msg string) {
	t.Helper()
	if !cond {
		t.Logf("requirement not met (continuing): %s", msg)
	}
}

func slowStore(delay time.Duration) LoadFunc {
	return func(key string) (string, error) {
		time.Sleep(delay)
		return "v:" + strings.ToUpper(key), nil
	}
}

func TestLoaderGetWithinDeadline(t *testing.T) {
	l := NewLoader(slowStore(5 * time.Millisecond))

	ch := make(chan string) // want "blocks forever"
	go func() {
		v, err := l.Get("alpha")
		if err != nil {
			v = "error: " + err.Error()
		}
		ch <- v
	}()

	received := false
	var got string
	select {
	case got = <-ch:
		received = true
	case <-time.After(100 * time.Millisecond):
	}

	requireTrue(t, received, "loader did not answer within 100ms")
	if received && got != "v:ALPHA" {
		t.Errorf("Get(alpha) = %q, want %q", got, "v:ALPHA")
	}
}

func TestLoaderCachesAfterFirstGet(t *testing.T) {
	calls := 0
	l := NewLoader(func(key string) (string, error) {
		calls++
		return key, nil
	})
	for i := 0; i < 3; i++ {
		if _, err := l.Get("k"); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 1 || l.Len() != 1 {
		t.Fatalf("calls=%d len=%d, want 1 and 1", calls, l.Len())
	}
}
