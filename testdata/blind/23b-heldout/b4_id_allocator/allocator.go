package b4_id_allocator

import "sync"

// Allocator hands out unique uint64 identifiers and recycles released ones.
type Allocator struct {
	mu    sync.Mutex
	next  uint64
	freed []uint64
}

// New returns an allocator whose first fresh id is start.
func New(start uint64) *Allocator {
	return &Allocator{next: start}
}

// Alloc returns an id that is not currently in use.
func (a *Allocator) Alloc() uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	if n := len(a.freed); n > 0 {
		id := a.freed[n-1]
		a.freed = a.freed[:n-1]
		return id
	}
	id := a.next
	a.next++
	return id
}

// Release makes id available for reuse.
func (a *Allocator) Release(id uint64) {
	a.mu.Lock()
	a.freed = append(a.freed, id)
	a.mu.Unlock()
}

// InUse reports how many ids have been handed out and not released.
func (a *Allocator) InUse(start uint64) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return int(a.next-start) - len(a.freed)
}
