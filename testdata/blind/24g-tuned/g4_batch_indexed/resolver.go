package g4_batch_indexed

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// Record is what the resolver returns for an ID.
type Record struct {
	ID    int
	Owner string
}

// Resolver looks up records from a backing table, caching hits.
type Resolver struct {
	mu    sync.Mutex
	table map[int]string
	cache map[int]Record
	hits  int
}

// NewResolver builds a resolver over table.
func NewResolver(table map[int]string) *Resolver {
	return &Resolver{table: table, cache: make(map[int]Record)}
}

// Resolve returns the record for id.
func (r *Resolver) Resolve(ctx context.Context, id int) (Record, error) {
	if err := ctx.Err(); err != nil {
		return Record{}, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if rec, ok := r.cache[id]; ok {
		r.hits++
		return rec, nil
	}
	owner, ok := r.table[id]
	if !ok {
		return Record{}, fmt.Errorf("resolve %d: %w", id, errNotFound)
	}
	rec := Record{ID: id, Owner: owner}
	r.cache[id] = rec
	return rec, nil
}

// Hits reports cache hits so far.
func (r *Resolver) Hits() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.hits
}

var errNotFound = errors.New("not found")
