package a

import (
	"sync"
)

// event embeds its Cond; the lock is the embedded mutex.
type event struct {
	sync.Mutex
	sync.Cond
	fired bool
}

func newEvent() *event {
	e := &event{}
	e.L = &e.Mutex
	return e
}

func (e *event) Wait() {
	e.Lock()
	defer e.Unlock()
	for !e.fired {
		e.Cond.Wait()
	}
}

func (e *event) WaitIf() bool {
	e.Lock()
	defer e.Unlock()
	if !e.fired {
		e.Cond.Wait() // want `sync.Cond.Wait called under if`
	}
	return e.fired
}

func (e *event) WaitUnlocked() {
	e.Lock()
	fired := e.fired
	e.Unlock()
	if fired {
		return
	}
	for !e.fired {
		e.Cond.Wait() // want `without holding the Cond's lock`
	}
}

// barrier is reusable: waiters wait for the generation to change,
// woken by Broadcast.
type barrier struct {
	mu    sync.Mutex
	cond  *sync.Cond
	n     int
	count int
	gen   int
}

func newBarrier(n int) *barrier {
	b := &barrier{n: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *barrier) Await() {
	b.mu.Lock()
	defer b.mu.Unlock()
	gen := b.gen
	b.count++
	if b.count == b.n {
		b.count = 0
		b.gen++
		b.cond.Broadcast()
		return
	}
	for gen == b.gen {
		b.cond.Wait()
	}
}

// Post form of a loop: silent.
func postLoop(c *sync.Cond, ready *bool) {
	c.L.Lock()
	for ; !*ready; c.Wait() {
	}
	c.L.Unlock()
}

// waitOnce waits for the next signal, unconditionally and outside any
// loop: Go's Cond has no spurious wake-ups, so this is right when the
// caller knows the signal comes later. Silent.
func waitOnce(mu *sync.Mutex, c *sync.Cond, f func()) {
	mu.Lock()
	c.Wait()
	f()
	mu.Unlock()
}

// roundBarrier waits in the else branch and then only unlocks before
// the loop goes round again: silent.
func roundBarrier(c *sync.Cond, id *int, n, rounds int) {
	for i := 0; i < rounds; i++ {
		c.L.Lock()
		*id++
		if *id == n {
			*id = 0
			c.Broadcast()
		} else {
			c.Wait()
		}
		c.L.Unlock()
	}
}

// roundBarrierUse reads the state after the else branch.
func roundBarrierUse(c *sync.Cond, id *int, n, rounds int, f func(int)) {
	for i := 0; i < rounds; i++ {
		c.L.Lock()
		*id++
		if *id == n {
			*id = 0
			c.Broadcast()
		} else {
			c.Wait() // want `sync.Cond.Wait called under if`
		}
		c.L.Unlock()
		f(*id)
	}
}

// Global Cond and lock.
var (
	gmu    sync.Mutex
	gcond  = sync.NewCond(&gmu)
	gready bool
)

func globalBad() {
	gmu.Lock()
	gready = false
	gmu.Unlock()
	for !gready {
		gcond.Wait() // want `without holding the Cond's lock`
	}
}

func globalGood() {
	gmu.Lock()
	defer gmu.Unlock()
	for !gready {
		gcond.Wait()
	}
}

// globalAfterCall: a function of this package might relock: silent.
func globalAfterCall() {
	gmu.Lock()
	gmu.Unlock()
	setup()
	for !gready {
		gcond.Wait()
	}
}

func setup() { gmu.Lock() }

// Composite literal Cond and c.L.
func literalCond() {
	var mu sync.Mutex
	c := &sync.Cond{L: &mu}
	ok := false
	mu.Lock()
	mu.Unlock()
	for !ok {
		c.Wait() // want `without holding the Cond's lock`
	}
}

func viaL(c *sync.Cond, ok *bool) {
	c.L.Lock()
	c.L.Unlock()
	for !*ok {
		c.Wait() // want `without holding the Cond's lock`
	}
}

func viaLGood(c *sync.Cond, ok *bool) {
	c.L.Lock()
	for !*ok {
		c.Wait()
	}
	c.L.Unlock()
}

// Unlocked on one path only: silent.
func onePath(c *sync.Cond, ok *bool, early bool) {
	c.L.Lock()
	if early {
		c.L.Unlock()
	}
	for !*ok {
		c.Wait()
	}
}

// A different mutex: silent.
func otherMutex(c *sync.Cond, other *sync.Mutex, ok *bool) {
	other.Lock()
	other.Unlock()
	for !*ok {
		c.Wait()
	}
}

// TryLock: state unknown, silent.
func tryLock(mu *sync.Mutex, c *sync.Cond, ok *bool) {
	c2 := sync.NewCond(mu)
	_ = c
	if !mu.TryLock() {
		return
	}
	for !*ok {
		c2.Wait()
	}
	mu.Unlock()
}
