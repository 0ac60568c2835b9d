package b4_pool_autoscaler

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Pool grows its worker count towards the queue depth.
type Pool struct {
	tasks   chan func()
	max     int
	running atomic.Int32

	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// Start creates the pool and launches the scaler.
func Start(max int) *Pool {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Pool{tasks: make(chan func(), 64), max: max, cancel: cancel}
	go p.scale(ctx, 50*time.Millisecond)
	return p
}

// Go enqueues a task; it blocks when the queue is full.
func (p *Pool) Go(f func()) { p.tasks <- f }

func (p *Pool) scale(ctx context.Context, every time.Duration) {
	p.grow(ctx, 1)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if want := len(p.tasks); want > 0 {
				p.grow(ctx, want)
			}
		}
	}
}

func (p *Pool) grow(ctx context.Context, n int) {
	for i := 0; i < n && int(p.running.Load()) < p.max; i++ {
		p.running.Add(1)
		p.wg.Add(1) // BAD: worker Add made by the scaler goroutine; Shutdown's Wait can run before it
		go p.worker(ctx)
	}
}

func (p *Pool) worker(ctx context.Context) {
	defer p.wg.Done()
	defer p.running.Add(-1)
	idle := time.NewTimer(time.Second)
	defer idle.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-idle.C:
			return
		case f := <-p.tasks:
			f()
			idle.Reset(time.Second)
		}
	}
}

// Shutdown stops the scaler and all workers and waits for them.
func (p *Pool) Shutdown() {
	p.cancel()
	p.wg.Wait()
}
