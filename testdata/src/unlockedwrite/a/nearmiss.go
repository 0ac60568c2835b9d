package a

import "sync"

// Near-misses from real code (nats-server, grpc, etcd, the testing
// package): each was reported once and is correct.

// Unlocking a mutex of another type (an element's) that is not known
// to be held does not forget the store's own lock: distinct fields are
// distinct mutexes.
type elem struct {
	mu sync.Mutex
	n  int
}

type Store struct {
	mu    sync.Mutex
	dirty int
	elems []*elem
}

func (s *Store) Touch() {
	s.mu.Lock()
	s.dirty++
	s.mu.Unlock()
}

func (s *Store) Dirty() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dirty
}

func (s *Store) Clean() {
	s.mu.Lock()
	s.dirty = 0
	s.mu.Unlock()
}

func (s *Store) Flush() {
	s.mu.Lock()
	for _, e := range s.elems {
		e.mu.Lock()
	}
	for _, e := range s.elems {
		e.n = 0
		e.mu.Unlock()
	}
	s.dirty++ // s.mu is still held
	s.mu.Unlock()
}

// But a write after the store's own lock is released is reported.
func (s *Store) FlushBad() {
	s.mu.Lock()
	for _, e := range s.elems {
		e.mu.Lock()
	}
	for _, e := range s.elems {
		e.mu.Unlock()
	}
	s.mu.Unlock()
	s.dirty++ // want `write to s.dirty without holding s.mu`
}

// A lock taken only when the caller does not hold it (if doLock): the
// unlocked path is the caller's, which holds the lock.
type Index struct {
	mu    sync.RWMutex
	cache map[string]int
}

func (x *Index) lookup(k string, doLock bool) int {
	if doLock {
		x.mu.Lock()
	}
	x.cache[k]++
	n := x.cache[k]
	if doLock {
		x.mu.Unlock()
	}
	return n
}

func (x *Index) Lookup(k string) int { return x.lookup(k, true) }

func (x *Index) Refresh(k string) int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.lookup(k, false)
}

func (x *Index) Put(k string, v int) {
	x.mu.Lock()
	x.cache[k] = v
	x.mu.Unlock()
}

func (x *Index) Get(k string) int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.cache[k]
}

func (x *Index) Has(k string) bool {
	x.mu.RLock()
	defer x.mu.RUnlock()
	_, ok := x.cache[k]
	return ok
}

func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.cache)
}

func (x *Index) Bump(k string) {
	x.mu.Lock()
	x.cache[k]++
	x.mu.Unlock()
}

// A helper that locks and unlocks (with defer) only when asked: calling
// it with shouldLock false does not release the caller's lock.
func (x *Index) remove(k string, shouldLock bool) {
	if shouldLock {
		x.mu.Lock()
		defer x.mu.Unlock()
	}
	delete(x.cache, k)
}

func (x *Index) Remove(k string) { x.remove(k, true) }

func (x *Index) RemoveAll(ks []string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, k := range ks {
		x.remove(k, false)
	}
	x.cache = map[string]int{}
}

// A helper that releases its caller's lock around a slow call and
// takes it back: what it writes before and after is under the lock.
type Feed struct {
	mu    sync.Mutex
	items []string
	gen   int
}

func (f *Feed) refill(fetch func() []string) {
	f.gen++
	if fetch != nil {
		f.mu.Unlock()
		more := fetch()
		f.mu.Lock()
		f.items = append(f.items, more...)
	}
}

func (f *Feed) Refill(fetch func() []string) {
	f.mu.Lock()
	f.refill(fetch)
	f.gen++
	f.mu.Unlock()
}

func (f *Feed) Add(s string) {
	f.mu.Lock()
	f.items = append(f.items, s)
	f.gen++
	f.mu.Unlock()
}

func (f *Feed) Items() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.items
}

func (f *Feed) Gen() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.gen
}

// Thin evidence (two functions of three hold the lock) and a plain
// store of a new value: a field reset once the others have stopped.
type Balancer struct {
	mu      sync.Mutex
	child   func()
	state   int
	pending bool
}

func (b *Balancer) UpdateState(s int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.state = s
}

func (b *Balancer) Picker() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.state
}

func (b *Balancer) Close() {
	b.child()
	b.state = 0
}

// But a read-modify-write loses updates whatever the schedule.
type Meter struct {
	mu    sync.Mutex
	total int
}

func (m *Meter) Add(n int) {
	m.mu.Lock()
	m.total += n
	m.mu.Unlock()
}

func (m *Meter) Total() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.total
}

func (m *Meter) Sub(n int) {
	m.mu.Lock()
	m.total -= n
	m.mu.Unlock()
}

func (m *Meter) Reset() {
	m.mu.Lock()
	m.total = 0
	m.mu.Unlock()
}

func (m *Meter) AddFast(n int) {
	m.total += n // want `write to m.total without holding m.mu, which guards it in 4 of 5 functions`
}

// A plain function filling in a value it is building (a config
// parser): not one of the type's methods.
func Configure(m *Meter, total int) {
	m.total = total
}

// A method of an outer type writing a field of an embedded struct:
// the embedded type's discipline, ordered by the outer one.
type Bench struct {
	Meter
	name string
}

func (b *Bench) Trim() {
	b.total = 0
}

// A value fresh from a constructor is not shared yet: its methods,
// called only on such values, are not judged.
type block struct {
	mu    sync.Mutex
	msgs  int
	bytes int
}

func newBlock() *block { return &block{} }

func (b *block) readIndex() {
	b.msgs = 1
	b.bytes = 2
}

func (b *block) Add(n int) {
	b.mu.Lock()
	b.msgs++
	b.bytes += n
	b.mu.Unlock()
}

func (b *block) Stats() (int, int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.msgs, b.bytes
}

func (b *block) Reset() {
	b.mu.Lock()
	b.msgs, b.bytes = 0, 0
	b.mu.Unlock()
}

func recoverBlock() *block {
	b := newBlock()
	b.readIndex()
	return b
}

// A helper whose every caller holds some lock (here the owner's, which
// the helper cannot name), or is documented as running under one.
type owner struct {
	mu     sync.Mutex
	blocks []*block
}

// Lock should be held.
func (o *owner) expire() {
	for _, b := range o.blocks {
		b.clear()
	}
}

func (o *owner) Expire() {
	o.mu.Lock()
	for _, b := range o.blocks {
		b.clear()
	}
	o.mu.Unlock()
}

func (b *block) clear() {
	b.msgs = 0
}

// Named as unsynchronised on purpose, or as starting the value up
// before it is shared.
type Transport struct {
	mu    sync.RWMutex
	peers map[string]int
}

func (t *Transport) Start() {
	t.peers = make(map[string]int)
}

func (t *Transport) UnsafeLoad(m map[string]int) {
	t.peers = m
}

func (t *Transport) AddPeer(id string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.peers[id] = 1
}

func (t *Transport) RemovePeer(id string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.peers, id)
}

func (t *Transport) Peer(id string) int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.peers[id]
}

// A receiver captured by a function literal is the receiver.
func (t *Transport) Reset() {
	t.mu.Lock()
	each := func() { _ = t.peers }
	each()
	t.mu.Unlock()
	t.peers = nil // want `write to t.peers without holding t.mu`
}

// A helper whose callers hold the lock, with the receiver captured by a
// function literal: still the receiver, and still under the lock.
func (t *Transport) prune(keep func(string) bool) {
	drop := func(id string) { delete(t.peers, id) }
	for id := range t.peers {
		if !keep(id) {
			drop(id)
		}
	}
	t.peers[""] = 0
}

func (t *Transport) Prune(keep func(string) bool) {
	t.mu.Lock()
	t.prune(keep)
	t.mu.Unlock()
}

// A helper called from a callback that another function runs there and
// then, while the lock is held (prometheus's MemPostings.addFor).
type Postings struct {
	mtx sync.Mutex
	m   map[string][]int
}

func forEach(names []string, f func(string)) {
	for _, n := range names {
		f(n)
	}
}

func (p *Postings) addFor(id int, name string) {
	p.m[name] = append(p.m[name], id)
}

func (p *Postings) Add(id int, names []string) {
	p.mtx.Lock()
	forEach(names, func(n string) {
		p.addFor(id, n)
	})
	p.addFor(id, "")
	p.mtx.Unlock()
}

func (p *Postings) Get(name string) []int {
	p.mtx.Lock()
	defer p.mtx.Unlock()
	return p.m[name]
}

func (p *Postings) Delete(name string) {
	p.mtx.Lock()
	defer p.mtx.Unlock()
	delete(p.m, name)
}

// A reset only reached from the constructor and Init: the value is
// not shared yet (prometheus's Head.resetInMemoryState).
type Head struct {
	mtx      sync.Mutex
	expiries map[int]int
}

func NewHead() *Head {
	h := &Head{}
	h.reset()
	return h
}

func (h *Head) Init() {
	h.repair()
}

func (h *Head) repair() {
	h.reset()
}

func (h *Head) reset() {
	h.expiries = map[int]int{}
}

func (h *Head) Expire(k int) {
	h.mtx.Lock()
	delete(h.expiries, k)
	h.mtx.Unlock()
}

func (h *Head) Set(k, v int) {
	h.mtx.Lock()
	h.expiries[k] = v
	h.mtx.Unlock()
}

func (h *Head) Get(k int) int {
	h.mtx.Lock()
	defer h.mtx.Unlock()
	return h.expiries[k]
}
