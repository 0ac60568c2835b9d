package component

import (
	"context"
	"sync"
)

// Silent: a generic component counts its n pollers by one Add(n)
// before the loop that starts them; each marks Done as it returns,
// and WaitForCompletion waits for them before closing the queue they
// send on (go-workflows' Worker[Task, Result]). The go statement in
// the generic method calls an instantiation of poll; the model keeps
// poll's Done under the generic origin and must see it there.
type queue[T any] struct{ tasks chan *T }

func newQueue[T any]() *queue[T] { return &queue[T]{tasks: make(chan *T)} }

func (q *queue[T]) add(ctx context.Context, t *T) error {
	select {
	case q.tasks <- t:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

type Workers[T any] struct {
	n       int
	pollers sync.WaitGroup
	queue   *queue[T]
}

func NewWorkers[T any](n int) *Workers[T] { return &Workers[T]{n: n, queue: newQueue[T]()} }

func (w *Workers[T]) Start(ctx context.Context) {
	w.pollers.Add(w.n)
	for i := 0; i < w.n; i++ {
		go w.poll(ctx)
	}
}

func (w *Workers[T]) poll(ctx context.Context) {
	defer w.pollers.Done()
	for ctx.Err() == nil {
		var t T
		w.queue.add(ctx, &t)
	}
}

func (w *Workers[T]) WaitForCompletion() {
	w.pollers.Wait()
	close(w.queue.tasks)
}

// Silent: a goroutine sends on the queue of an instance its function
// made and keeps (a test of queue.add); WaitForCompletion closes the
// queue of a Workers, which can never be that one.
func addOnce(ctx context.Context) *int {
	q := newQueue[int]()
	go func() {
		q.add(ctx, new(int))
	}()
	return <-q.tasks
}

// Bad: a generic component like Workers whose Drain closes the queue
// without waiting for the pollers. (A queue type of its own: the field
// model names queue.tasks by its struct type, so Pollers' sends on a
// queue[T] would also be senders for Workers' close.)
type backlog[T any] struct{ tasks chan *T }

func (b *backlog[T]) add(ctx context.Context, t *T) error {
	select {
	case b.tasks <- t:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

type Pollers[T any] struct {
	n     int
	queue *backlog[T]
}

func (p *Pollers[T]) Start(ctx context.Context) {
	for i := 0; i < p.n; i++ {
		go p.poll(ctx)
	}
}

func (p *Pollers[T]) poll(ctx context.Context) {
	for ctx.Err() == nil {
		var t T
		p.queue.add(ctx, &t)
	}
}

func (p *Pollers[T]) Drain() {
	close(p.queue.tasks) // want `p.queue.tasks closed while another goroutine may still send on it`
}
