// Correct: each call has its own Cond that is broadcast exactly once, after val/err are stored; waiters only read the finished call, so a single Wait under if suffices.
package g1_flight_group

import "sync"

// call is one in-flight or completed Do invocation.
type call struct {
	cond *sync.Cond
	done bool
	dups int
	val  []byte
	err  error
}

// Group collapses concurrent fetches of the same key into one.
type Group struct {
	mu sync.Mutex
	m  map[string]*call
}

// NewGroup returns an empty Group.
func NewGroup() *Group {
	return &Group{m: make(map[string]*call)}
}

// Do runs fn once per key among concurrent callers. Callers that arrive
// while fn is running wait for it and share its result.
func (g *Group) Do(key string, fn func() ([]byte, error)) (v []byte, err error, shared bool) {
	g.mu.Lock()
	if c, ok := g.m[key]; ok {
		c.dups++
		if !c.done {
			c.cond.Wait()
		}
		v, err = c.val, c.err
		g.mu.Unlock()
		return v, err, true
	}
	c := &call{cond: &sync.Cond{L: &g.mu}}
	g.m[key] = c
	g.mu.Unlock()

	val, ferr := fn()

	g.mu.Lock()
	c.val, c.err = val, ferr
	c.done = true
	if g.m[key] == c {
		delete(g.m, key)
	}
	c.cond.Broadcast()
	shared = c.dups > 0
	g.mu.Unlock()
	return val, ferr, shared
}

// Forget drops key so that the next Do starts a fresh call. Waiters on the
// old call still receive its result.
func (g *Group) Forget(key string) {
	g.mu.Lock()
	delete(g.m, key)
	g.mu.Unlock()
}

// InFlight reports how many keys are currently being fetched.
func (g *Group) InFlight() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.m)
}
