// GOOD: resolveRun is made fresh by ResolveAll and run once; r.addrs is assigned before any
// goroutine exists, the sequential fallback uses the locking getErr/setErr/put helpers on the
// calling goroutine, and the parallel path locks for every access and waits for its workers.
package main

import (
	"context"
	"fmt"
	"net"
	"sync"
	"time"
)

type resolveRun struct {
	mu       sync.Mutex
	names    []string
	parallel bool
	addrs    map[string][]string
	err      error
}

func (r *resolveRun) setErr(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err == nil {
		r.err = err
	}
}

func (r *resolveRun) getErr() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

func (r *resolveRun) put(name string, addrs []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.addrs[name] = addrs
}

func (r *resolveRun) resolve(ctx context.Context, name string) {
	addrs, err := net.DefaultResolver.LookupHost(ctx, name)
	if err != nil {
		r.setErr(fmt.Errorf("resolve %s: %w", name, err))
		return
	}
	r.put(name, addrs)
}

func (r *resolveRun) run(ctx context.Context) error {
	r.addrs = make(map[string][]string, len(r.names))

	if !r.parallel || len(r.names) < 2 {
		for _, n := range r.names {
			if r.getErr() != nil {
				break
			}
			r.resolve(ctx, n)
		}
		return r.getErr()
	}

	var wg sync.WaitGroup
	for _, n := range r.names {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			if r.getErr() != nil {
				return
			}
			r.resolve(ctx, name)
		}(n)
	}
	wg.Wait()
	return r.getErr()
}

// ResolveAll looks up every host name, optionally in parallel.
func ResolveAll(ctx context.Context, names []string, parallel bool) (map[string][]string, error) {
	r := &resolveRun{names: names, parallel: parallel}
	err := r.run(ctx)
	return r.addrs, err
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	for _, par := range []bool{false, true} {
		addrs, err := ResolveAll(ctx, []string{"localhost", "127.0.0.1"}, par)
		fmt.Printf("parallel=%v resolved=%d err=%v\n", par, len(addrs), err)
	}
}
