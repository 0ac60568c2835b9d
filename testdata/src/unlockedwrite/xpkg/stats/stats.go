// Package stats is a helper package: it writes what its callers give
// it, with no lock of its own; whether that races is the callers'
// business, and they are checked through its Writes facts.
package stats

import (
	"sync"
	"sync/atomic"
)

// Usage is held by value inside the callers' structs.
type Usage struct {
	Hits   int
	Misses int
	Bytes  int
}

// Miss writes through its parameter with no lock held.
func Miss(u *Usage) {
	u.Misses++
}

// Record writes through a helper of its own package.
func Record(u *Usage, n int) {
	bump(u, n)
}

func bump(u *Usage, n int) {
	u.Hits += n
}

// LockedMiss takes the lock it is given around the write: its callers
// need not hold it.
func LockedMiss(mu sync.Locker, u *Usage) {
	mu.Lock()
	u.Misses++
	mu.Unlock()
}

// Bumped returns a bumped copy: the write is to the callee's own copy.
func Bumped(u Usage) Usage {
	c := u
	c.Misses++
	return c
}

var (
	mu      sync.Mutex
	loaded  int
	scratch int
)

// Load counts a load without the package's lock, which Summary and
// Reset hold to access the same counter.
func Load() {
	loaded++
}

// Count counts a load with the lock held.
func Count() {
	mu.Lock()
	loaded++
	mu.Unlock()
}

// Summary reads the counter under the lock.
func Summary() int {
	mu.Lock()
	defer mu.Unlock()
	return loaded
}

// Reset clears it under the lock.
func Reset() {
	mu.Lock()
	defer mu.Unlock()
	loaded = 0
}

// Scratch writes a variable that no function of the package locks
// around: nothing says it is shared under a lock.
func Scratch() {
	scratch++
}

// Set stores a new value: a plain store, not a read-modify-write.
func Set(u *Usage, n int) {
	u.Bytes = n
}

// FirstErr keeps the first error: the store runs once, after the
// CompareAndSwap that only one caller wins.
type FirstErr struct {
	done atomic.Bool
	err  error
}

func (e *FirstErr) Set(err error) {
	if e.done.CompareAndSwap(false, true) {
		e.err = err
	}
}

// Drain takes one byte, when there is one: on an empty Usage it only
// reads (like a Read of an empty bytes.Reader).
func Drain(u *Usage) {
	if u.Bytes == 0 {
		return
	}
	u.Bytes--
}
