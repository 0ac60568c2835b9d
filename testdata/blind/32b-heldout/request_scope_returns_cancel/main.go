// GOOD: requestScope hands the cancel back to its caller together with the context, and every caller
// defers it, so each deadline context is released when the lookup finishes.
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

type Resolver struct {
	r        *net.Resolver
	deadline time.Duration
}

func NewResolver(deadline time.Duration) *Resolver {
	return &Resolver{r: net.DefaultResolver, deadline: deadline}
}

// requestScope derives the context used for a single lookup. The caller owns the cancel.
func (r *Resolver) requestScope(parent context.Context) (context.Context, context.CancelFunc) {
	if dl, ok := parent.Deadline(); ok && time.Until(dl) < r.deadline {
		return context.WithCancel(parent)
	}
	return context.WithDeadline(parent, time.Now().Add(r.deadline))
}

func (r *Resolver) Addrs(parent context.Context, host string) ([]string, error) {
	ctx, cancel := r.requestScope(parent)
	defer cancel()
	addrs, err := r.r.LookupHost(ctx, host)
	if err != nil {
		var dnsErr *net.DNSError
		if errors.As(err, &dnsErr) && dnsErr.IsNotFound {
			return nil, fmt.Errorf("%s: no such host", host)
		}
		return nil, err
	}
	return addrs, nil
}

func (r *Resolver) MX(parent context.Context, domain string) ([]string, error) {
	ctx, cancel := r.requestScope(parent)
	defer cancel()
	records, err := r.r.LookupMX(ctx, domain)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(records))
	for _, mx := range records {
		out = append(out, fmt.Sprintf("%s (pref %d)", mx.Host, mx.Pref))
	}
	return out, nil
}

func main() {
	hosts := os.Args[1:]
	if len(hosts) == 0 {
		hosts = []string{"example.com"}
	}
	r := NewResolver(3 * time.Second)
	ctx := context.Background()
	for _, h := range hosts {
		addrs, err := r.Addrs(ctx, h)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		fmt.Println(h, addrs)
		if mx, err := r.MX(ctx, h); err == nil {
			fmt.Println("  mx:", mx)
		}
	}
}
