// GOOD: Resolve falls back to the static table when the lookup is slow, but the
// result channel has capacity 1, so the lookup goroutine's send always completes
// and the goroutine exits even after waitFor has given up.
package main

import (
	"context"
	"fmt"
	"net"
	"time"
)

// Resolver maps service names to addresses, preferring DNS over a static table.
type Resolver struct {
	static  map[string]string
	timeout time.Duration
	lookup  func(ctx context.Context, host string) ([]string, error)
}

// NewResolver returns a Resolver using the system resolver.
func NewResolver(static map[string]string, timeout time.Duration) *Resolver {
	return &Resolver{
		static:  static,
		timeout: timeout,
		lookup:  net.DefaultResolver.LookupHost,
	}
}

type lookupResult struct {
	addrs []string
	err   error
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

// Resolve returns an address for name.
func (r *Resolver) Resolve(name string) (string, error) {
	results := make(chan lookupResult, 1)
	go func() {
		addrs, err := r.lookup(context.Background(), name)
		results <- lookupResult{addrs: addrs, err: err}
	}()

	res, ok := waitFor(results, r.timeout)
	if ok && res.err == nil && len(res.addrs) > 0 {
		return res.addrs[0], nil
	}
	if addr, found := r.static[name]; found {
		return addr, nil
	}
	if !ok {
		return "", fmt.Errorf("resolve %s: timed out after %v", name, r.timeout)
	}
	if res.err != nil {
		return "", fmt.Errorf("resolve %s: %w", name, res.err)
	}
	return "", fmt.Errorf("resolve %s: no addresses", name)
}

func main() {
	r := NewResolver(map[string]string{"billing": "10.0.4.17"}, 300*time.Millisecond)
	for _, name := range []string{"localhost", "billing"} {
		addr, err := r.Resolve(name)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s -> %s\n", name, addr)
	}
}
