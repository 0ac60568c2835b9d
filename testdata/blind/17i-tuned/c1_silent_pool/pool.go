// Package pool runs a generic transform over inputs on a bounded set of goroutines.
package pool

import (
	"context"
	"sync"
)

// Pool applies fn to every input and emits the results on Out.
type Pool[In, Out any] struct {
	fn     func(context.Context, In) (Out, error)
	in     chan In
	out    chan Out
	errs   chan error
	cancel context.CancelFunc
	wg     sync.WaitGroup
	once   sync.Once
}

// New creates a pool with n workers; it starts them immediately.
func New[In, Out any](ctx context.Context, n int, fn func(context.Context, In) (Out, error)) *Pool[In, Out] {
	ctx, cancel := context.WithCancel(ctx)
	p := &Pool[In, Out]{
		fn:     fn,
		in:     make(chan In),
		out:    make(chan Out, n),
		errs:   make(chan error, 1),
		cancel: cancel,
	}
	for i := 0; i < n; i++ {
		p.spawn(func() { p.worker(ctx) })
	}
	return p
}

// spawn runs f on a goroutine tracked by the pool.
func (p *Pool[In, Out]) spawn(f func()) {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		f()
	}()
}

func (p *Pool[In, Out]) worker(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case v := <-p.in:
			res, err := p.fn(ctx, v)
			if err != nil {
				select {
				case p.errs <- err:
				default:
				}
				continue
			}
			select {
			case p.out <- res:
			case <-ctx.Done():
				return
			}
		}
	}
}

// Submit hands v to a worker.
func (p *Pool[In, Out]) Submit(ctx context.Context, v In) error {
	select {
	case p.in <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Out is the result stream; it is closed by Close.
func (p *Pool[In, Out]) Out() <-chan Out { return p.out }

// Err returns the first error a worker reported, if any.
func (p *Pool[In, Out]) Err() error {
	select {
	case err := <-p.errs:
		return err
	default:
		return nil
	}
}

// Close stops the workers and closes Out after the last one returned.
func (p *Pool[In, Out]) Close() {
	p.once.Do(func() {
		p.cancel()
		p.wg.Wait()
		close(p.out)
	})
}
