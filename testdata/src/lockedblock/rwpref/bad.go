package rwpref

import (
	"sync"
	"time"
)

// A registry whose syncLoop write-locks rw while readers resolve
// dependencies in goroutines that read-lock it too.
type registry struct {
	rw   sync.RWMutex
	eps  map[string][]string
	load func() map[string][]string
}

func newRegistry(load func() map[string][]string) *registry {
	r := &registry{eps: load(), load: load}
	go r.syncLoop()
	return r
}

func (r *registry) syncLoop() {
	for range time.Tick(time.Second) {
		fresh := r.load()
		r.rw.Lock()
		r.eps = fresh
		r.rw.Unlock()
	}
}

func (r *registry) lookup(s string) []string {
	r.rw.RLock()
	defer r.rw.RUnlock()
	return r.eps[s]
}

func (r *registry) plan(deps map[string][]string) map[string][]string {
	r.rw.RLock()
	defer r.rw.RUnlock()
	type res struct {
		svc string
		eps []string
	}
	results := make(chan res)
	for s := range r.eps {
		go func(s string) {
			var eps []string
			for _, d := range deps[s] {
				eps = append(eps, r.lookup(d)...)
			}
			results <- res{s, eps}
		}(s)
	}
	out := map[string][]string{}
	for range r.eps {
		x := <-results // want `receive from results while read-locking r.rw, which the goroutine that sends on or closes it must read-lock first: a writer waiting in between blocks it \(deadlock\)`
		out[x.svc] = x.eps
	}
	return out
}

// The same with a WaitGroup: each worker read-locks before its Done.
func (r *registry) count(names []string) int {
	r.rw.RLock()
	defer r.rw.RUnlock()
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	for _, s := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := len(r.lookup(s))
			mu.Lock()
			n += k
			mu.Unlock()
		}()
	}
	wg.Wait() // want `wg.Wait while read-locking r.rw, which the goroutine that calls Done must read-lock first: a writer waiting in between blocks it \(deadlock\)`
	return n
}

// A Cond on another lock: the signaller read-locks cache.rw first.
type cache struct {
	rw    sync.RWMutex
	mu    sync.Mutex
	ready *sync.Cond
	done  bool
	data  map[string]int
}

func newCache() *cache {
	c := &cache{data: map[string]int{}}
	c.ready = sync.NewCond(&c.mu)
	return c
}

func (c *cache) Set(k string, v int) {
	c.rw.Lock()
	c.data[k] = v
	c.rw.Unlock()
}

func (c *cache) fill() {
	c.rw.RLock()
	n := len(c.data)
	c.rw.RUnlock()
	c.mu.Lock()
	c.done = n >= 0
	c.mu.Unlock()
	c.ready.Broadcast()
}

func (c *cache) Await() int {
	go c.fill()
	c.rw.RLock()
	defer c.rw.RUnlock()
	c.mu.Lock()
	for !c.done {
		c.ready.Wait() // want `c.ready.Wait while read-locking c.rw, which the goroutine that calls Signal or Broadcast must read-lock first: a writer waiting in between blocks it \(deadlock\)`
	}
	c.mu.Unlock()
	return len(c.data)
}
