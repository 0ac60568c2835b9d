// Package lib is imported by the sleepsync tests: its goroutine bodies // want package:"analyzed, dependencies too"
// and accessors are seen only through facts.
package lib

import (
	"sync"
	"testing"
)

type Counter struct {
	N    int
	Name string
}

// Run writes c.N.
func (c *Counter) Run() { c.N = 42 } // want Run:`summary\(writes=p0.0\)`

// Get reads c.N.
func (c *Counter) Get() int { return c.N } // want Get:`summary\(reads=p0.0\)`

// Label reads c.Name only.
func (c *Counter) Label() string { return c.Name } // want Label:`summary\(reads=p0.1\)`

// Fill writes *p.
func Fill(p *int) { *p = 1 } // want Fill:`summary\(writes=p0\)`

// Produce sends on ch.
func Produce(ch chan<- int) { ch <- 1 } // want Produce:`summary\(sends=p0\)`

// Locked guards n with a mutex.
type Locked struct {
	mu sync.Mutex
	n  int
}

func (l *Locked) Inc() { // want Inc:`summary\(joins writes=p0.1[ ,]`
	l.mu.Lock()
	l.n++
	l.mu.Unlock()
}

// Get locks: a caller using it may wait for a goroutine holding mu.
func (l *Locked) Get() int { // want Get:`summary\(joins .*reads=.*p0.1`
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n
}

// Serve blocks until stop is closed: it joins and does nothing else,
// what a function without a fact does.
func Serve(stop <-chan struct{}) { <-stop }

// Version has no effect, which a function takes a fact to say.
func Version() string { return "1" } // want Version:`summary\(\)`

// Nop has no effect: a method, it has no fact, the package's mark
// stands for its empty summary.
func (c *Counter) Nop() {}

// Block blocks until stop is closed: a method that only joins takes a
// fact.
func (c *Counter) Block(stop <-chan struct{}) { <-stop } // want Block:`summary\(joins\)`

// FailNow reports a failure and ends the test, as testify's
// require.FailNow does.
func FailNow(t testing.TB, msg string, args ...any) { // want FailNow:`summary\(\)`
	t.Helper()
	t.Fatalf(msg, args...)
}
