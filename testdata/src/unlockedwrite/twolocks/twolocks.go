// Package twolocks holds fields accessed with two mutexes of their
// struct held at once: the struct's own and one inside the object a
// field points to. Such an access is evidence for both locks, so the
// counts in the messages must not depend on which of the two the lock
// set happens to yield first (the analyzer once picked one by map
// iteration order; the test runs it many times to catch that).
package twolocks

import "sync"

type inner struct {
	sync.Mutex
	n int
}

type Consumer struct {
	cur *inner
	sub *int
	sync.Mutex
}

func (c *Consumer) Start(p *int) {
	c.Lock()
	c.sub = p
	c.Unlock()
}

func (c *Consumer) Stop() {
	c.Lock()
	defer c.Unlock()
	c.sub = nil
}

// Reset holds c.Mutex and c.cur's mutex when it reads c.sub: a vote
// for c.Mutex (and one for the lock behind c.cur).
func (c *Consumer) Reset() {
	c.Lock()
	defer c.Unlock()
	c.cur.Lock()
	if c.sub != nil {
		c.cur.n = *c.sub
	}
	c.cur.Unlock()
}

func (c *Consumer) Set(p *int) {
	c.sub = p // want `write to c.sub without holding c.Mutex, which guards it in 3 of 4 functions that access it`
}

// Silent: a field every function accesses with both locks held.
type Pair struct {
	cur *inner
	val int
	sync.Mutex
}

func (p *Pair) Inc() {
	p.Lock()
	p.cur.Lock()
	p.val++
	p.cur.Unlock()
	p.Unlock()
}

func (p *Pair) Dec() {
	p.Lock()
	p.cur.Lock()
	p.val--
	p.cur.Unlock()
	p.Unlock()
}
