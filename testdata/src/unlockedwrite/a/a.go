package a

import (
	"sync"
	"sync/atomic"

	"unlockedwrite/lib"
)

// A stats struct: every method but Reset holds s.mu.
type Stats struct {
	mu   sync.Mutex
	hits int
	miss int
}

func (s *Stats) Hit() {
	s.mu.Lock()
	s.hits++
	s.mu.Unlock()
}

func (s *Stats) Miss() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.miss++
}

func (s *Stats) Snapshot() (int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits, s.miss
}

func (s *Stats) Reset() {
	s.hits = 0 // want `write to s.hits without holding s.mu, which guards it in [0-9]+ of [0-9]+ functions`
	s.mu.Lock()
	s.miss = 0
	s.mu.Unlock()
}

// Good: a constructor writes before the value is shared.
func NewStats() *Stats {
	s := &Stats{}
	s.hits = 1
	s.miss = 1
	return s
}

// Good: a helper whose every caller holds the lock.
func (s *Stats) bump() {
	s.hits++
	s.miss++
}

func (s *Stats) Both() {
	s.mu.Lock()
	s.bump()
	s.mu.Unlock()
}

func (s *Stats) BothDefer() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bump()
}

// Good: named as running with the lock held.
func (s *Stats) resetLocked() {
	s.hits = 0
}

// A registry with a map, guarded by an RWMutex.
type Registry struct {
	mu sync.RWMutex
	m  map[string]int
}

func (r *Registry) Get(k string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.m[k]
}

func (r *Registry) Put(k string, v int) {
	r.mu.Lock()
	r.m[k] = v
	r.mu.Unlock()
}

func (r *Registry) Has(k string) bool {
	r.mu.RLock()
	_, ok := r.m[k]
	r.mu.RUnlock()
	return ok
}

func (r *Registry) Forget(k string) {
	delete(r.m, k) // want `write to r.m without holding r.mu`
}

func (r *Registry) PutRacy(k string, v int) {
	r.m[k] = v // want `write to r.m without holding r.mu`
}

// An explicit annotation.
type Conn struct {
	mu     sync.Mutex
	closed bool // guarded by mu
	n      int64
	calls  atomic.Int64
}

func (c *Conn) Close() {
	c.closed = true // want `write to c.closed without holding c.mu, which guards it`
}

// Good: atomics are not plain writes.
func (c *Conn) Count() {
	atomic.AddInt64(&c.n, 1)
	c.calls.Add(1)
}

// Good: a field that is never written under the lock is not guarded.
type Config struct {
	mu   sync.Mutex
	name string
	data []int
}

func (c *Config) SetName(n string) { c.name = n }
func (c *Config) Append(x int) {
	c.mu.Lock()
	c.data = append(c.data, x)
	c.mu.Unlock()
}

// Good: written in a sync.Once callback.
type Lazy struct {
	mu   sync.Mutex
	once sync.Once
	v    map[string]int
}

func (l *Lazy) init() {
	l.once.Do(func() { l.v = map[string]int{} })
}

func (l *Lazy) Set(k string) {
	l.init()
	l.mu.Lock()
	l.v[k]++
	l.mu.Unlock()
}

func (l *Lazy) Get(k string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.v[k]
}

func (l *Lazy) Del(k string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.v, k)
}

// Embedded mutex and generics.
type Counter[K comparable] struct {
	sync.Mutex
	m map[K]int
}

func (c *Counter[K]) Inc(k K) {
	c.Lock()
	c.m[k]++
	c.Unlock()
}

func (c *Counter[K]) Get(k K) int {
	c.Lock()
	defer c.Unlock()
	return c.m[k]
}

func (c *Counter[K]) Dec(k K) {
	c.Lock()
	defer c.Unlock()
	c.m[k]--
}

func (c *Counter[K]) Clear() {
	c.m = map[K]int{} // want `write to c.m without holding c.Mutex`
}

// A goroutine writing a field of its receiver.
type Worker struct {
	mu    sync.Mutex
	state int
}

func (w *Worker) Get() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.state
}

func (w *Worker) Set(v int) {
	w.mu.Lock()
	w.state = v
	w.mu.Unlock()
}

func (w *Worker) Bump() {
	w.mu.Lock()
	w.state++
	w.mu.Unlock()
}

func (w *Worker) Start() {
	go func() {
		w.state = 0 // want `write to w.state without holding w.mu`
	}()
}

// Good: the goroutine takes the lock.
func (w *Worker) StartOK() {
	go func() {
		w.mu.Lock()
		w.state = 0
		w.mu.Unlock()
	}()
}

// Good: a mutex wrapper from another package (facts).
type Guarded struct {
	g lib.Guard
	v int
}

func (x *Guarded) Set(v int) {
	x.g.Enter()
	x.v = v
	x.g.Leave()
}

func (x *Guarded) Get() int {
	x.g.Enter()
	defer x.g.Leave()
	return x.v
}

// Good: the author explains why no lock is needed.
type Recorder struct {
	mu   sync.Mutex
	ring []int
}

func (r *Recorder) Add(x int) {
	r.mu.Lock()
	r.ring = append(r.ring, x)
	r.mu.Unlock()
}

func (r *Recorder) Snapshot() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ring
}

func (r *Recorder) Stop() {
	// No need to lock: the reader has already exited.
	r.ring = nil
}

func (x *Guarded) Inc() {
	x.g.Enter()
	x.v++
	x.g.Leave()
}

func (x *Guarded) Zero() {
	x.v = 0 // want `write to x.v without holding x.g`
}
