// Package resolver is a caching DNS-style lookup front end with a fixed
// pool of upstream workers.
package resolver

import (
	"context"
	"net"
	"sync"
)

type lookup struct {
	host  string
	reply chan answer
}

type answer struct {
	addrs []string
	err   error
}

// Resolver answers host lookups through a bounded set of upstream workers.
type Resolver struct {
	queue  chan lookup
	lookup func(ctx context.Context, host string) ([]string, error)

	mu    sync.Mutex
	cache map[string][]string
}

// New starts n upstream workers.
func New(n int) *Resolver {
	r := &Resolver{
		queue:  make(chan lookup, n),
		lookup: net.DefaultResolver.LookupHost,
		cache:  make(map[string][]string),
	}
	for i := 0; i < n; i++ {
		go r.upstream()
	}
	return r
}

func (r *Resolver) upstream() {
	for q := range r.queue {
		addrs, err := r.lookup(context.Background(), q.host)
		if err == nil {
			r.mu.Lock()
			r.cache[q.host] = addrs
			r.mu.Unlock()
		}
		q.reply <- answer{addrs: addrs, err: err}
	}
}

// Resolve returns the addresses of host, from cache if possible.
func (r *Resolver) Resolve(ctx context.Context, host string) ([]string, error) {
	r.mu.Lock()
	if addrs, ok := r.cache[host]; ok {
		r.mu.Unlock()
		return addrs, nil
	}
	r.mu.Unlock()

	q := lookup{host: host, reply: make(chan answer, 1)}
	select {
	case r.queue <- q:
	case <-ctx.Done():
		return nil, ctx.Err()
	}

	select {
	case a := <-q.reply:
		return a.addrs, a.err
	case <-ctx.Done():
		// Release the reply slot so the worker does not hold on to it.
		close(q.reply)
		return nil, ctx.Err()
	}
}
