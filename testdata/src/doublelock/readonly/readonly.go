// Package readonly checks recursive read locking against the writers
// of the mutex: nested RLocks deadlock only once a writer queues
// between them, so a mutex nothing write-locks is silent, decided
// soundly (every use of an unexported mutex in its own package).
package readonly

import (
	"sync"
)

// Good: a Catalog is built whole by Load before it is shared; nothing
// takes c.mu's write lock, so Total's nested RLock (through Price)
// cannot meet a writer.
type Catalog struct {
	mu    sync.RWMutex
	bySKU map[string]int
}

func Load(rows map[string]int) *Catalog {
	c := &Catalog{mu: sync.RWMutex{}, bySKU: map[string]int{}}
	for k, v := range rows {
		c.bySKU[k] = v
	}
	return c
}

func (c *Catalog) Price(sku string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p, ok := c.bySKU[sku]
	return p, ok
}

func (c *Catalog) Total(skus []string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	sum := 0
	for _, s := range skus {
		if p, ok := c.Price(s); ok {
			sum += p
		}
	}
	return sum
}

// RLocker hands out read locks only.
func (c *Catalog) Reader() sync.Locker { return c.mu.RLocker() }

// Bad: goleveldb's table.Reader: Get read-locks r.mu and find read-locks
// it again, while Release takes the write lock; a Release queued between
// the two blocks both.
type Reader struct {
	mu     sync.RWMutex
	err    error
	blocks map[string][]byte
}

func (r *Reader) find(key string) ([]byte, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.err != nil {
		return nil, r.err
	}
	return r.blocks[key], nil
}

func (r *Reader) Get(key string) ([]byte, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.err != nil {
		return nil, r.err
	}
	return r.find(key) // want `find locks r.mu, which is already read-locked: recursive read locking deadlocks once a writer waits`
}

func (r *Reader) Release() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.blocks = nil
}

// Bad: an exported mutex field: another package may write-lock it.
type Public struct {
	Mu sync.RWMutex
	n  int
}

func (p *Public) get() int {
	p.Mu.RLock()
	defer p.Mu.RUnlock()
	return p.n
}

func (p *Public) Twice() int {
	p.Mu.RLock()
	defer p.Mu.RUnlock()
	return p.get() // want `get locks p.Mu, which is already read-locked`
}

// Bad: the mutex's address leaves as a Locker (and a Cond's L), whose
// Lock write-locks it.
type Escaping struct {
	mu   sync.RWMutex
	cond *sync.Cond
	n    int
}

func NewEscaping() *Escaping {
	e := &Escaping{}
	e.cond = sync.NewCond(&e.mu)
	return e
}

func (e *Escaping) get() int {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.n
}

func (e *Escaping) Twice() int {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.get() // want `get locks e.mu, which is already read-locked`
}

// Bad: a mutex kept by pointer may be shared with code that
// write-locks it.
type Shared struct {
	mu *sync.RWMutex
	n  int
}

func (s *Shared) get() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.n
}

func (s *Shared) Twice() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.get() // want `get locks s.mu, which is already read-locked`
}

// Bad: an embedded mutex's Lock is promoted to the embedding type,
// which other packages can call even when the type is unexported.
type embedded struct {
	sync.RWMutex
	n int
}

func NewEmbedded() *embedded { return &embedded{} }

func (m *embedded) get() int {
	m.RLock()
	defer m.RUnlock()
	return m.n
}

func (m *embedded) Twice() int {
	m.RLock()
	defer m.RUnlock()
	return m.get() // want `get locks m.RWMutex, which is already read-locked`
}

// Bad: the only write lock is in a goroutine's function literal.
type Refreshed struct {
	mu sync.RWMutex
	n  int
}

func (r *Refreshed) get() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.n
}

func (r *Refreshed) Twice() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.get() // want `get locks r.mu, which is already read-locked`
}

func (r *Refreshed) Start() {
	go func() {
		r.mu.Lock()
		r.n++
		r.mu.Unlock()
	}()
}

// Bad: TryLock takes the write lock too.
type Tried struct {
	mu sync.RWMutex
	n  int
}

func (t *Tried) get() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.n
}

func (t *Tried) Twice() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.get() // want `get locks t.mu, which is already read-locked`
}

func (t *Tried) Bump() {
	if t.mu.TryLock() {
		t.n++
		t.mu.Unlock()
	}
}

// Good: a package variable only ever read-locked.
var (
	namesMu sync.RWMutex
	names   = map[string]int{"a": 1}
)

func name(k string) int {
	namesMu.RLock()
	defer namesMu.RUnlock()
	return names[k]
}

func Names(ks []string) int {
	namesMu.RLock()
	defer namesMu.RUnlock()
	n := 0
	for _, k := range ks {
		n += name(k)
	}
	return n
}

// Bad: a package variable whose only write lock is in the function a
// package-level initialiser stores.
var (
	cfgMu sync.RWMutex
	cfg   = map[string]string{}
	reset = func() {
		cfgMu.Lock()
		cfg = map[string]string{}
		cfgMu.Unlock()
	}
)

func setting(k string) string {
	cfgMu.RLock()
	defer cfgMu.RUnlock()
	return cfg[k]
}

func Settings(ks []string) []string {
	cfgMu.RLock()
	defer cfgMu.RUnlock()
	var out []string
	for _, k := range ks {
		out = append(out, setting(k)) // want `setting locks readonly.cfgMu, which is already read-locked`
	}
	return out
}

// Bad: an exported package variable may be write-locked by an importer.
var TableMu sync.RWMutex

func table() int {
	TableMu.RLock()
	defer TableMu.RUnlock()
	return 1
}

func Table() int {
	TableMu.RLock()
	defer TableMu.RUnlock()
	return table() // want `table locks readonly.TableMu, which is already read-locked`
}

func Reset() { reset() }
