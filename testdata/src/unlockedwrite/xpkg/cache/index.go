package cache

import (
	"sync"

	"unlockedwrite/xpkg/lazy"
)

// Index keeps tables that order their own state (lazy.Table
// initialises itself under its own lock, lazy.Once behind its
// compare-and-swap, sync.Map likewise) beside state guarded by mu.
type Index struct {
	mu    sync.Mutex
	names map[string]uint64
	table lazy.Table
	once  lazy.Once
	known sync.Map
}

func (x *Index) Add(name string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.names[name] = x.table.Load(name)
	x.once.Setup(1)
	x.known.Store(name, true)
	x.table.Reseed(1)
}

func (x *Index) Remove(name string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	delete(x.names, name)
	x.table.Load(name)
	x.once.Setup(2)
	x.known.Delete(name)
	x.table.Reseed(2)
}

func (x *Index) Has(name string) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	_, ok := x.names[name]
	x.once.Setup(3)
	_, known := x.known.Load(name)
	x.table.Reseed(3)
	return ok && known && x.table.Load(name) != 0
}

// Watch looks names up from a goroutine, and Lookup in its caller's,
// without x.mu: silent, as the tables initialise themselves.
func (x *Index) Watch(names <-chan string) {
	go x.watch(names)
}

func (x *Index) watch(names <-chan string) {
	for n := range names {
		x.table.Load(n)
		x.once.Setup(4)
		x.known.Load(n)
	}
}

func (x *Index) Lookup(name string) uint64 {
	x.known.Load(name)
	x.once.Setup(5)
	return x.table.Load(name)
}

// Reseed: lazy.Table.Reseed writes after its own lock is released, and
// x.table is reseeded under x.mu everywhere else.
func (x *Index) Reseed() {
	x.table.Reseed(7) // want `call of lazy.Table.Reseed writes x.table \(t.seed\) without holding x.mu`
}
