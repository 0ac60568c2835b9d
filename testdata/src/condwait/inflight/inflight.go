// Package inflight holds per-key in-flight entries, each with a Cond of
// its own that is woken once, when the entry completes and leaves the map.
package inflight

import "sync"

type call struct {
	cond *sync.Cond
	val  string
	err  error
}

type group struct {
	mu       sync.Mutex
	inflight map[string]*call
}

// get waits for the caller already fetching key, or becomes it.
func (g *group) get(key string, fetch func(string) (string, error)) (string, error) {
	g.mu.Lock()
	if c, ok := g.inflight[key]; ok {
		c.cond.Wait() // silent: done wakes c once, and deletes it under the lock
		v, err := c.val, c.err
		g.mu.Unlock()
		return v, err
	}
	c := &call{cond: sync.NewCond(&g.mu)}
	g.inflight[key] = c
	g.mu.Unlock()

	v, err := fetch(key)
	g.done(key, v, err)
	return v, err
}

func (g *group) done(key string, v string, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if c, ok := g.inflight[key]; ok {
		c.val, c.err = v, err
		c.cond.Broadcast()
	}
	delete(g.inflight, key)
}

// A result whose Cond is woken without the entry leaving the map: a
// progress update wakes the waiters before the result is there.

type job struct {
	cond     *sync.Cond
	progress int
	result   []byte
}

type runner struct {
	mu   sync.Mutex
	jobs map[string]*job
}

func (r *runner) start(id string) {
	r.mu.Lock()
	r.jobs[id] = &job{cond: sync.NewCond(&r.mu)}
	r.mu.Unlock()
}

func (r *runner) wait(id string) []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	j, ok := r.jobs[id]
	if ok && j.result == nil {
		j.cond.Wait() // want `sync.Cond.Wait called under if: wait in a for loop that re-checks the condition`
	}
	return j.result[:1]
}

func (r *runner) report(id string, pct int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if j, ok := r.jobs[id]; ok {
		j.progress = pct
		j.cond.Broadcast()
	}
}

func (r *runner) finish(id string, out []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if j, ok := r.jobs[id]; ok {
		j.result = out
		j.cond.Broadcast()
	}
	delete(r.jobs, id)
}

// The deletion in its own critical section, after the lock was let go:
// a waiter can be woken, find nothing done and a new entry made.

type fetch struct {
	cond *sync.Cond
	body []byte
}

type cache struct {
	mu      sync.Mutex
	pending map[string]*fetch
}

func (c *cache) await(url string) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.pending[url]; ok && f.body == nil {
		f.cond.Wait() // want `sync.Cond.Wait called under if: wait in a for loop that re-checks the condition`
		return f.body[:1]
	}
	c.pending[url] = &fetch{cond: sync.NewCond(&c.mu)}
	return nil
}

func (c *cache) fill(url string, body []byte) {
	c.mu.Lock()
	f := c.pending[url]
	f.cond.Broadcast()
	c.mu.Unlock()
	c.mu.Lock()
	f.body = body
	delete(c.pending, url)
	c.mu.Unlock()
}
