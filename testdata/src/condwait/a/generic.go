package a

import "sync"

// Box holds one value of any type, handed from a producer to consumers.
type Box[T any] struct {
	mu   sync.Mutex
	cond *sync.Cond
	v    *T
}

func NewBox[T any]() *Box[T] {
	b := &Box[T]{}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *Box[T]) Take() T {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.v == nil {
		b.cond.Wait()
	}
	v := *b.v
	b.v = nil
	return v
}

func (b *Box[T]) TakeIf() T {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.v == nil {
		b.cond.Wait() // want `sync.Cond.Wait called under if`
	}
	return *b.v
}

func (b *Box[T]) TakeUnlocked() T {
	b.mu.Lock()
	b.mu.Unlock()
	for b.v == nil {
		b.cond.Wait() // want `without holding the Cond's lock`
	}
	return *b.v
}

// waitFor is a generic waiter helper, called in a loop: silent.
func waitFor[C interface{ Wait() }](c C) {
	c.Wait()
}

func useWaitFor[T any](b *Box[T]) {
	b.mu.Lock()
	for b.v == nil {
		waitFor(b.cond)
	}
	b.mu.Unlock()
}
