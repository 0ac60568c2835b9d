package generic

import "context"

// The iterator of GOROOT/test/typeparam/orderedmapsimp: one goroutine
// walks a tree, sending each value through the exported Send of a
// Sender nobody else holds, and then closes. Its sends go through a
// recursive closure called by value, but they are its own: the close
// follows them.

type Sender[T any] struct {
	values chan<- T
	done   <-chan struct{}
}

func (s *Sender[T]) Send(ctx context.Context, v T) bool {
	select {
	case <-ctx.Done():
		return false
	case s.values <- v:
		return true
	case <-s.done:
		return false
	}
}

func (s *Sender[T]) Close() {
	close(s.values)
}

type Tree[T any] struct {
	left, right *Tree[T]
	val         T
}

func Walk[T any](t *Tree[T]) <-chan T {
	values := make(chan T)
	done := make(chan struct{})
	sender := &Sender[T]{values: values, done: done}
	var f func(*Tree[T]) bool
	f = func(n *Tree[T]) bool {
		if n == nil {
			return true
		}
		return f(n.left) && sender.Send(context.Background(), n.val) && f(n.right)
	}
	go func() {
		f(t)
		sender.Close()
	}()
	return values
}
