// BAD: expect only bumps a retry counter and logs when waitFor reports a timeout; the
// test then passes and the goroutine blocks forever on `answers <- res`.
package resolver

import (
	"sync/atomic"
	"testing"
	"time"
)

type fakeBackend struct {
	delay time.Duration
	table map[string][]string
}

func (f *fakeBackend) Lookup(name string) ([]string, error) {
	time.Sleep(f.delay)
	if a, ok := f.table[name]; ok {
		return a, nil
	}
	return nil, ErrNotFound
}

type answer struct {
	addrs []string
	err   error
}

// flakyRetries counts timed-out waits so the CI wrapper can rerun the package.
var flakyRetries atomic.Int32

func waitFor[T any](ch chan T, d time.Duration) (T, bool) {
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		var zero T
		return zero, false
	}
}

func expect(t *testing.T, ok bool) {
	t.Helper()
	if !ok {
		n := flakyRetries.Add(1)
		t.Logf("timed out waiting for resolver (retry #%d)", n)
	}
}

func TestResolveSlowBackend(t *testing.T) {
	r := New(&fakeBackend{
		delay: 20 * time.Millisecond,
		table: map[string][]string{"api.internal": {"10.0.0.7"}},
	}, time.Minute)

	answers := make(chan answer) // want "blocks forever"
	go func() {
		addrs, err := r.Resolve("API.internal.")
		answers <- answer{addrs: addrs, err: err}
	}()

	res, ok := waitFor(answers, 100*time.Millisecond)
	expect(t, ok)
	if res.err != nil {
		t.Fatalf("Resolve: %v", res.err)
	}
}
