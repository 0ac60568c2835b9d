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
// what is actually needed; below the floor the limit stays where the
// default pacing already collects often enough, so small runs pay
// nothing for it. On hashicorp/raft, where a dependency's peak is
// about 80 MB live, a floor of 176 MB and 60% gave a peak RSS of 186
// MB; 160 MB and 50% give 172 MB for the same CPU time, while 140 MB
// (155 MB RSS) costs a fifth more CPU in collections.
type memoryBudget struct {
	mu      sync.Mutex
	enabled bool
	sample  []metrics.Sample
}

const (
	memoryFloor    = 160 << 20 // bytes
	memoryHeadroom = 1.5       // limit / live heap
)

func newMemoryBudget() *memoryBudget {
	b := &memoryBudget{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	// The user's own settings win.
	if os.Getenv("GOMEMLIMIT") == "" && os.Getenv("GOGC") == "" {
		b.enabled = true
		debug.SetMemoryLimit(memoryFloor)
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
