// Package latch: a Wait under if for a condition that, once true,
// stays true.
package latch

import "sync"

// Promise's value is set once and never cleared; Set broadcasts after
// it sets the flag. Any number of Gets may wait under if: each finds
// the flag set when it wakes.
type Promise struct {
	mu    sync.Mutex
	cond  sync.Cond
	isSet bool
	value any
}

func NewPromise() *Promise {
	p := &Promise{}
	p.cond = *sync.NewCond(&p.mu)
	return p
}

func (p *Promise) Get() any {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.isSet {
		p.cond.Wait()
	}
	return p.value
}

func (p *Promise) Set(v any) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.isSet {
		return false
	}
	p.isSet = true
	p.value = v
	p.cond.Broadcast()
	return true
}

// Gate is opened and closed again: a waiter woken by Open may find it
// closed by a Close that ran first.
type Gate struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
}

func NewGate() *Gate {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	return g
}

func (g *Gate) Pass() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.open {
		g.cond.Wait() // want `sync.Cond.Wait called under if`
	}
	return g.open
}

func (g *Gate) Open() {
	g.mu.Lock()
	g.open = true
	g.cond.Broadcast()
	g.mu.Unlock()
}

func (g *Gate) Close() {
	g.mu.Lock()
	g.open = false
	g.mu.Unlock()
}
