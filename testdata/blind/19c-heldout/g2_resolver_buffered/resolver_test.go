// Correct: the lookup result channel has capacity 1, so the goroutine's single send never blocks even when the test times out.
package g2_resolver_buffered

import (
	"testing"
	"time"
)

type lookupResult struct {
	addrs []string
	err   error
}

func lookupAsync(r *Resolver, host string) <-chan lookupResult {
	ch := make(chan lookupResult, 1)
	go func() {
		addrs, err := r.Lookup(host)
		ch <- lookupResult{addrs: addrs, err: err}
	}()
	return ch
}

func TestLookupWithDeadline(t *testing.T) {
	r := NewResolver()
	r.Add("db.internal", "10.0.0.7")
	r.Add("cache.internal", "10.0.0.9", "10.0.0.10")

	for _, tc := range []struct {
		host  string
		delay time.Duration
		want  int
	}{
		{"db.internal", 0, 1},
		{"cache.internal", 0, 2},
		{"cache.internal", 200 * time.Millisecond, -1}, // too slow, tolerated
	} {
		r.Delay = tc.delay
		select {
		case res := <-lookupAsync(r, tc.host):
			if res.err != nil {
				t.Fatalf("%s: %v", tc.host, res.err)
			}
			if len(res.addrs) != tc.want {
				t.Errorf("%s: %d addrs, want %d", tc.host, len(res.addrs), tc.want)
			}
		case <-time.After(50 * time.Millisecond):
			if tc.want >= 0 {
				t.Errorf("%s: lookup timed out", tc.host)
			}
		}
	}
}
