// Package lazy mimics internal/sync's HashTrieMap, behind sync.Map: a
// table that initialises itself on first use, under a lock of its own
// type (internal/sync.Mutex is not sync.Mutex, and lockset's lock sets
// follow only those), checked again after an atomic flag. Its writes
// are ordered by the table itself: its callers need no lock for them.
package lazy

import "sync/atomic"

// spin is a lock made of an atomic word.
type spin struct{ state atomic.Int32 }

func (s *spin) Lock() {
	for !s.state.CompareAndSwap(0, 1) {
	}
}

func (s *spin) Unlock() { s.state.Store(0) }

type Table struct {
	inited atomic.Uint32
	initMu spin
	hash   func(string) uint64
	seed   uint64
}

func (t *Table) init() {
	if t.inited.Load() == 0 {
		t.initSlow()
	}
}

func (t *Table) initSlow() {
	t.initMu.Lock()
	defer t.initMu.Unlock()
	if t.inited.Load() != 0 {
		return
	}
	t.hash = hashString
	t.seed = 42
	t.inited.Store(1)
}

// Load initialises the table if need be.
func (t *Table) Load(k string) uint64 {
	t.init()
	return t.hash(k) ^ t.seed
}

// Once is set up by the first caller to win its compare-and-swap.
type Once struct {
	state atomic.Int32
	seed  uint64
}

func (o *Once) Setup(seed uint64) {
	if o.state.CompareAndSwap(0, 1) {
		o.seed = seed
	}
}

// Reseed writes the seed after releasing its lock: its callers must
// hold theirs.
func (t *Table) Reseed(seed uint64) {
	t.initMu.Lock()
	t.initMu.Unlock()
	t.seed = seed
}

func hashString(s string) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}
