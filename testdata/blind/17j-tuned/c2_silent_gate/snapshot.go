// Package routes keeps an in-memory routing table that is loaded from a
// snapshot at start-up and refreshed periodically.
package routes

import (
	"context"
	"fmt"
	"log"
	"sync"
	"time"
)

// gate is opened once with a value; waiters block until it opens or
// their context ends.
type gate[T any] struct {
	once sync.Once
	open chan struct{}
	val  T
}

func newGate[T any]() *gate[T] {
	return &gate[T]{open: make(chan struct{})}
}

func (g *gate[T]) set(v T) {
	g.once.Do(func() {
		g.val = v
		close(g.open)
	})
}

func (g *gate[T]) wait(ctx context.Context) (T, error) {
	select {
	case <-g.open:
		return g.val, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// Table maps a host name to a backend address.
type Table map[string]string

// Source loads routing snapshots.
type Source interface {
	Load(ctx context.Context) (Table, error)
}

// Router serves lookups from the latest snapshot.
type Router struct {
	src   Source
	first *gate[Table]

	mu    sync.RWMutex
	table Table
}

func NewRouter(src Source) *Router {
	return &Router{src: src, first: newGate[Table]()}
}

// Run loads snapshots until ctx is cancelled.
func (r *Router) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		tbl, err := r.src.Load(ctx)
		if err != nil {
			log.Printf("routes: load snapshot: %v", err)
		} else {
			r.mu.Lock()
			r.table = tbl
			r.mu.Unlock()
			r.first.set(tbl)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Start launches the refresh loop and waits up to timeout for the first
// snapshot so that the server does not start with an empty table.
func Start(ctx context.Context, src Source, timeout time.Duration) (*Router, error) {
	r := NewRouter(src)
	go r.Run(ctx, 30*time.Second)

	wctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if _, err := r.first.wait(wctx); err != nil {
		return nil, fmt.Errorf("routes: no initial snapshot: %w", err)
	}
	return r, nil
}

// Lookup returns the backend for host.
func (r *Router) Lookup(host string) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	addr, ok := r.table[host]
	return addr, ok
}
