package a

import "sync"

// A store and its replicas lock each other's mutexes through methods:
// flush holds Store.mu and locks each Replica.mu; tick holds Replica.mu
// and locks Store.mu. Two goroutines running them deadlock.

type Store struct {
	mu       sync.Mutex
	replicas []*Replica
	pending  int
}

type Replica struct {
	mu    sync.Mutex
	store *Store
	ticks int
}

func (r *Replica) report() {
	r.mu.Lock()
	r.ticks = 0
	r.mu.Unlock()
}

func (s *Store) flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.replicas {
		r.report() // want `lock order inversion: Replica.mu is locked while Store.mu is held, and elsewhere Store.mu while Replica.mu is held; two goroutines can deadlock`
	}
}

func (r *Replica) tick() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ticks++
	r.store.mu.Lock()
	r.store.pending++
	r.store.mu.Unlock()
}

// Package-level mutexes, the second one taken inside a helper that is
// only called with the first held.

var (
	configMu sync.Mutex
	statsMu  sync.RWMutex
	config   = map[string]string{}
	stats    = map[string]int{}
)

func bumpLocked(key string) { // called with configMu held
	statsMu.Lock()
	stats[key]++
	statsMu.Unlock()
}

func Set(key, value string) {
	configMu.Lock()
	defer configMu.Unlock()
	config[key] = value
	bumpLocked(key) // want `lock order inversion: statsMu is locked while configMu is held`
}

func Snapshot() map[string]string {
	statsMu.RLock()
	defer statsMu.RUnlock()
	configMu.Lock()
	defer configMu.Unlock()
	out := make(map[string]string, len(config))
	for k, v := range config {
		out[k] = v
	}
	return out
}
