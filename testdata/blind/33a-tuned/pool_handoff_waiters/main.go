// GOOD: Put hands a connection over on p.handoff under p.mu only when p.waiters > 0, and only Get increments waiters,
// in its locked section right before it unlocks and receives; Put decrements it, so each send pairs with a Get already past its Lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type conn struct {
	id      int
	created time.Time
}

type Pool struct {
	mu      sync.Mutex
	idle    []*conn
	open    int
	max     int
	waiters int
	handoff chan *conn
}

func NewPool(max int) *Pool {
	return &Pool{max: max, handoff: make(chan *conn)}
}

// Get returns an idle connection, dials a new one, or waits for one to be returned.
func (p *Pool) Get() *conn {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c
	}
	if p.open < p.max {
		p.open++
		id := p.open
		p.mu.Unlock()
		return &conn{id: id, created: time.Now()}
	}
	p.waiters++
	p.mu.Unlock()
	return <-p.handoff
}

// Put returns c to the pool, handing it straight to a waiting Get if there is one.
func (p *Pool) Put(c *conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.waiters > 0 {
		p.waiters--
		p.handoff <- c
		return
	}
	p.idle = append(p.idle, c)
}

func main() {
	p := NewPool(2)
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(worker int) {
			defer wg.Done()
			c := p.Get()
			time.Sleep(2 * time.Millisecond)
			fmt.Printf("worker %d used conn %d\n", worker, c.id)
			p.Put(c)
		}(i)
	}
	wg.Wait()
}
