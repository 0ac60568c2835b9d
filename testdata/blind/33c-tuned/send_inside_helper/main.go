// BAD: the worker goroutine delivers its result through publish(), whose send on the
// unbuffered channel blocks forever once Lookup has returned on ctx.Done() without receiving.
package main

import (
	"context"
	"fmt"
	"net"
	"time"
)

type lookupResult struct {
	addrs []string
	err   error
}

// publish hands a finished lookup back to the waiting caller.
func publish(out chan<- lookupResult, addrs []string, err error) {
	out <- lookupResult{addrs: addrs, err: err}
}

type Resolver struct {
	r *net.Resolver
}

func NewResolver() *Resolver {
	return &Resolver{r: net.DefaultResolver}
}

func (r *Resolver) resolve(host string) ([]string, error) {
	// Deliberately not passing ctx: the underlying lookup runs to completion.
	return r.r.LookupHost(context.Background(), host)
}

// Lookup resolves host, abandoning the wait if ctx ends first.
func (r *Resolver) Lookup(ctx context.Context, host string) ([]string, error) {
	out := make(chan lookupResult) // want "blocks forever"
	go func() {
		addrs, err := r.resolve(host)
		publish(out, addrs, err)
	}()

	select {
	case res := <-out:
		return res.addrs, res.err
	case <-ctx.Done():
		return nil, fmt.Errorf("lookup %s: %w", host, ctx.Err())
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	res := NewResolver()
	for _, h := range []string{"localhost", "example.invalid"} {
		addrs, err := res.Lookup(ctx, h)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(h, addrs)
	}
}
