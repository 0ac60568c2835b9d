// Correct: Close sets closed while holding p.mu and Waits only after unlocking; Submit tests closed and calls Add in the same p.mu critical section, and nothing reopens the pool.
package g2_thumbnail_pool

import (
	"context"
	"errors"
	"image"
	"image/color"
	"sync"
)

// ErrPoolClosed is returned by Submit after Close.
var ErrPoolClosed = errors.New("thumbnail pool closed")

// Result is delivered on the channel passed to Submit.
type Result struct {
	Key   string
	Thumb image.Image
	Err   error
}

// Pool renders thumbnails with bounded concurrency.
type Pool struct {
	size int
	sem  chan struct{}

	mu       sync.Mutex
	closed   bool
	inflight map[string]context.CancelFunc
	wg       sync.WaitGroup
}

// NewPool returns a pool running at most workers renders at once.
func NewPool(workers, size int) *Pool {
	return &Pool{
		size:     size,
		sem:      make(chan struct{}, workers),
		inflight: make(map[string]context.CancelFunc),
	}
}

// Submit renders src in the background and sends the result on out.
// It is safe to call from many goroutines.
func (p *Pool) Submit(ctx context.Context, key string, src image.Image, out chan<- Result) error {
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}

	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		<-p.sem
		return ErrPoolClosed
	}
	ctx, cancel := context.WithCancel(ctx)
	p.inflight[key] = cancel
	p.wg.Add(1)
	p.mu.Unlock()

	go func() {
		defer p.wg.Done()
		defer func() { <-p.sem }()
		defer p.finish(key)
		thumb, err := p.render(ctx, src)
		out <- Result{Key: key, Thumb: thumb, Err: err}
	}()
	return nil
}

func (p *Pool) finish(key string) {
	p.mu.Lock()
	if cancel, ok := p.inflight[key]; ok {
		cancel()
		delete(p.inflight, key)
	}
	p.mu.Unlock()
}

func (p *Pool) render(ctx context.Context, src image.Image) (image.Image, error) {
	b := src.Bounds()
	dst := image.NewGray(image.Rect(0, 0, p.size, p.size))
	for y := 0; y < p.size; y++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for x := 0; x < p.size; x++ {
			sx := b.Min.X + x*b.Dx()/p.size
			sy := b.Min.Y + y*b.Dy()/p.size
			dst.Set(x, y, color.GrayModel.Convert(src.At(sx, sy)))
		}
	}
	return dst, nil
}

// Close rejects new work, cancels in-flight renders and waits for them.
func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	for _, cancel := range p.inflight {
		cancel()
	}
	p.mu.Unlock()

	p.wg.Wait()
}
