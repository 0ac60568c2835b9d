package generic

import "context"

type Box[T any] struct{ c chan T }

func (b *Box[T]) Put(v T) { b.c <- v }

func (b *Box[T]) closeAndPut(v T) {
	close(b.c)
	b.Put(v) // want `call to b.Put: send on b.c after it was closed`
}

func NewBox[T any](ctx context.Context) *Box[T] {
	b := &Box[T]{c: make(chan T, 1)}
	go func() {
		<-ctx.Done()
		close(b.c) // want `close of b.c in a goroutine is not ordered after the send in exported Put: the send may panic`
	}()
	return b
}

func Pipe[T any](in []T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, v := range in {
			out <- v
		}
	}()
	return out
}
