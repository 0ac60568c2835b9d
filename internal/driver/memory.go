package driver

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// A memoryBudget keeps the process's memory close to what it needs.
//
// With the default GOGC=100 the heap grows to twice the live data
// before a collection; analyzing one big package (runtime, net, a
// project's largest) briefly makes most of that live data, so the peak
// would be twice that package's syntax, types and SSA. A soft memory
// limit that follows the live heap, 50% above it, keeps the peak near
// what is actually needed. Below the limit's floor, the heap may grow
// to three times the live data (GOGC=200): most of a run's live heap is
// far below the floor, and collecting it twice as often as that, as
// GOGC=100 does, only marks the same types again; the floor bounds the
// peak either way.
//
// On hashicorp/raft (live heap at most 85-105 MB, with imported
// packages kept as their declarations alone), a floor of 160 MiB and
// GOGC=100 gave a peak RSS of 156-162 MiB with 52-53 collections
// marking 2.0 GB in all; 144 MiB and GOGC=100, 149-151 MiB marking 2.2
// GB; 144 MiB and GOGC=200, 151-152 MiB marking 1.8 GB in 36-39
// collections (GOGC off, 152-154 MiB and the same 1.8 GB). 136 MiB
// marks 2.3 GB even at GOGC=100.
type memoryBudget struct {
	mu      sync.Mutex
	enabled bool
	sample  []metrics.Sample
}

const (
	memoryFloor     = 144 << 20 // bytes
	memoryHeadroom  = 1.5       // limit / live heap
	memoryGCPercent = 200       // below the limit
)

func newMemoryBudget() *memoryBudget {
	b := &memoryBudget{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	// The user's own settings win.
	if os.Getenv("GOMEMLIMIT") == "" && os.Getenv("GOGC") == "" {
		b.enabled = true
		debug.SetMemoryLimit(memoryFloor)
		debug.SetGCPercent(memoryGCPercent)
	}
	return b
}

// update sets the limit from the live heap the last collection found.
func (b *memoryBudget) update() {
	if !b.enabled {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	metrics.Read(b.sample)
	if b.sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := b.sample[0].Value.Uint64()
	debug.SetMemoryLimit(max(memoryFloor, int64(float64(live)*memoryHeadroom)))
}
