package queue

import (
	"context"
	"log"
)

// Future holds a value another goroutine produces.
type Future[T any] struct {
	done chan struct{}
	val  T
}

func NewFuture[T any]() *Future[T] { return &Future[T]{done: make(chan struct{})} }

func (f *Future[T]) Resolve(v T) {
	f.val = v
	close(f.done)
}

// Await's receive is reported, with Boot's call of it as related
// information: the loader started by Start returns without Resolve
// when load fails.
func (f *Future[T]) Await() T {
	<-f.done // want `receive from f.done may block forever: the goroutine that sends on it can return without sending`
	return f.val
}

func load() (string, error) { return "", nil }

func Start() *Future[string] {
	f := NewFuture[string]()
	go func() {
		v, err := load()
		if err != nil {
			log.Printf("load: %v", err)
			return
		}
		f.Resolve(v)
	}()
	return f
}

func Boot() string {
	return Start().Await()
}

// Promise is a Future whose producer always settles it.
type Promise[T any] struct {
	done chan struct{}
	val  T
	err  error
}

func (p *Promise[T]) settle(v T, err error) {
	p.val, p.err = v, err
	close(p.done)
}

// Silent: every path of the producer settles the promise.
func (p *Promise[T]) Get() (T, error) {
	<-p.done
	return p.val, p.err
}

func StartPromise() *Promise[string] {
	p := &Promise[string]{done: make(chan struct{})}
	go func() {
		v, err := load()
		if err != nil {
			p.settle("", err)
			return
		}
		p.settle(v, nil)
	}()
	return p
}

func Fetch() (string, error) { return StartPromise().Get() }

// Silent: the waiter also selects on ctx.Done().
func (f *Future[T]) AwaitContext(ctx context.Context) (T, error) {
	select {
	case <-f.done:
		return f.val, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
