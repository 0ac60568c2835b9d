// Package nilinvariant: a Lock on a path taken only when a field is
// nil. When every constructor sets the field and nothing clears it,
// the path is dead and nothing is reported; when the field can be nil,
// the read lock is upgraded and Lookup deadlocks.
package nilinvariant

import "sync"

type Service struct {
	Name string
	Addr string
}

// Registry is the seen blind case c8_bad_indexupgrade: Reset clears
// byName, so Lookup's rebuild branch runs under the read lock.
type Registry struct {
	mu       sync.RWMutex
	services []Service
	byName   map[string]*Service
}

func NewRegistry(svcs []Service) *Registry {
	r := &Registry{services: svcs}
	r.byName = r.index()
	return r
}

func (r *Registry) index() map[string]*Service {
	m := make(map[string]*Service, len(r.services))
	for i := range r.services {
		m[r.services[i].Name] = &r.services[i]
	}
	return m
}

func (r *Registry) Lookup(name string) (Service, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.byName == nil {
		r.mu.Lock() // want `Lock of r.mu, which is read-locked: upgrading a read lock deadlocks`
		r.byName = r.index()
		r.mu.Unlock()
	}
	s, ok := r.byName[name]
	if !ok {
		return Service{}, false
	}
	return *s, true
}

func (r *Registry) Reset(svcs []Service) {
	r.mu.Lock()
	r.services = svcs
	r.byName = nil
	r.mu.Unlock()
}

// Index is Registry without Reset: the constructor builds byName
// through a helper that returns a fresh map, Replace stores another
// fresh one, and nothing stores nil, so the rebuild branch is dead.
type Index struct {
	mu       sync.RWMutex
	services []Service
	byName   map[string]*Service
}

func NewIndex(svcs []Service) *Index {
	x := &Index{services: svcs}
	x.byName = x.index()
	return x
}

func (x *Index) index() map[string]*Service {
	m := make(map[string]*Service, len(x.services))
	for i := range x.services {
		m[x.services[i].Name] = &x.services[i]
	}
	return m
}

func (x *Index) Lookup(name string) (Service, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.byName == nil {
		x.mu.Lock() // silent: byName is never nil
		x.byName = x.index()
		x.mu.Unlock()
	}
	s, ok := x.byName[name]
	if !ok {
		return Service{}, false
	}
	return *s, true
}

func (x *Index) Replace(svcs []Service) {
	x.mu.Lock()
	x.services = svcs
	x.byName = x.index()
	x.mu.Unlock()
}

// Hooks: a callback defaulted in the only constructor when the caller
// passes nil, tested with != nil; the else branch is dead.
type Hooks struct {
	mu    sync.Mutex
	n     int
	onAdd func(int)
}

func NewHooks(onAdd func(int)) *Hooks {
	if onAdd == nil {
		onAdd = func(int) {}
	}
	return &Hooks{onAdd: onAdd}
}

func (h *Hooks) Add() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.n++
	if h.onAdd != nil {
		h.onAdd(h.n)
	} else {
		h.mu.Lock() // silent: onAdd is never nil
		h.mu.Unlock()
	}
}

// Plain has the same shape, but its second constructor leaves onAdd
// unset: the branch runs and deadlocks.
type Plain struct {
	mu    sync.Mutex
	n     int
	onAdd func(int)
}

func NewPlain(onAdd func(int)) *Plain {
	if onAdd == nil {
		onAdd = func(int) {}
	}
	return &Plain{onAdd: onAdd}
}

func NewQuietPlain() *Plain { return &Plain{} }

func (h *Plain) Add() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.n++
	if h.onAdd != nil {
		h.onAdd(h.n)
	} else {
		h.mu.Lock() // want `Lock of h.mu, which is already locked`
		h.mu.Unlock()
	}
}

// Param: the constructor stores the caller's value unchecked, which
// may be nil.
type Param struct {
	mu    sync.Mutex
	onAdd func(int)
}

func NewParam(onAdd func(int)) *Param { return &Param{onAdd: onAdd} }

func (p *Param) Add() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.onAdd == nil {
		p.mu.Lock() // want `Lock of p.mu, which is already locked`
		p.mu.Unlock()
	}
}

// Table's constructor sets byKey, but the package variable below is
// built without it: Get's rebuild branch runs on it.
type Table struct {
	mu    sync.RWMutex
	byKey map[string]int
}

func NewTable() *Table { return &Table{byKey: map[string]int{}} }

var defaultTable = &Table{}

func (t *Table) Get(k string) int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if t.byKey == nil {
		t.mu.Lock() // want `Lock of t.mu, which is read-locked: upgrading a read lock deadlocks`
		t.byKey = map[string]int{}
		t.mu.Unlock()
	}
	return t.byKey[k]
}

func Default() *Table { return defaultTable }

// Lazy has no constructor: its zero value is ready to use, and the
// first Get finds byKey nil.
type Lazy struct {
	mu    sync.RWMutex
	byKey map[string]int
}

func (l *Lazy) Get(k string) int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.byKey == nil {
		l.mu.Lock() // want `Lock of l.mu, which is read-locked: upgrading a read lock deadlocks`
		l.byKey = map[string]int{}
		l.mu.Unlock()
	}
	return l.byKey[k]
}

// Catalog rebuilds through a helper that locks; the branch calling it
// is dead because NewCatalog sets idx and nothing clears it.
type Catalog struct {
	mu  sync.Mutex
	idx map[string]int
}

func NewCatalog() *Catalog { return &Catalog{idx: make(map[string]int)} }

func (c *Catalog) rebuild() {
	c.mu.Lock()
	c.idx = make(map[string]int)
	c.mu.Unlock()
}

func (c *Catalog) Get(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idx == nil {
		c.rebuild() // silent: idx is never nil
	}
	return c.idx[k]
}
