package b2_shard_ready

import (
	"fmt"
	"sync"
	"time"
)

// ShardState describes the lifecycle of a shard replica on this node.
type ShardState int

const (
	StateLoading ShardState = iota
	StateServing
	StateDraining
)

// Registry tracks which shards are loaded on this node. Every state
// transition of any shard is announced on a single condition variable.
type Registry struct {
	mu      sync.Mutex
	changed *sync.Cond
	ready   map[string]bool
	state   map[string]ShardState
	loaded  time.Time
}

// NewRegistry builds an empty registry.
func NewRegistry() *Registry {
	r := &Registry{
		ready: make(map[string]bool),
		state: make(map[string]ShardState),
	}
	r.changed = sync.NewCond(&r.mu)
	return r
}

// setState records a transition and notifies everyone watching the registry.
func (r *Registry) setState(id string, st ShardState) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.state[id] = st
	r.ready[id] = st == StateServing
	r.loaded = time.Now()
	r.changed.Broadcast()
}

// BeginLoad marks a shard as loading.
func (r *Registry) BeginLoad(id string) { r.setState(id, StateLoading) }

// MarkServing marks a shard as ready to take queries.
func (r *Registry) MarkServing(id string) { r.setState(id, StateServing) }

// Drain takes a shard out of service before it is moved elsewhere.
func (r *Registry) Drain(id string) { r.setState(id, StateDraining) }

// AwaitServing blocks until shard id is serving and then runs fn while the
// registry lock is held, so the shard cannot be drained underneath it.
func (r *Registry) AwaitServing(id string, fn func() error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.ready[id] {
		r.changed.Wait() // BAD: the cond is broadcast for every shard's transitions; shard id may still not be ready when Wait returns
	}
	if st := r.state[id]; st != StateServing {
		return fmt.Errorf("shard %s: unexpected state %d after wait", id, st)
	}
	return fn()
}

// Snapshot returns the set of serving shards.
func (r *Registry) Snapshot() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for id, ok := range r.ready {
		if ok {
			out = append(out, id)
		}
	}
	return out
}
