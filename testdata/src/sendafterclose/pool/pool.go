package pool

import (
	"context"
	"sync"
)

// guide §8.1: the context watcher closes tasks while Submit may send.
type WorkerPool struct {
	tasks   chan Task
	results chan Result
	wg      sync.WaitGroup
}

type Task struct{ ID int }
type Result struct{ TaskID int }

func NewWorkerPool(ctx context.Context, numWorkers int) *WorkerPool {
	pool := &WorkerPool{
		tasks:   make(chan Task, 100),
		results: make(chan Result),
	}
	for i := 1; i <= numWorkers; i++ {
		pool.wg.Add(1)
		go pool.worker(ctx, i)
	}
	go func() {
		<-ctx.Done()
		close(pool.tasks) // want `close of pool.tasks in a goroutine is not ordered after the send in exported Submit: the send may panic`
	}()
	return pool
}

func (p *WorkerPool) worker(ctx context.Context, id int) {
	defer p.wg.Done()
	for task := range p.tasks {
		select {
		case <-ctx.Done():
			p.results <- Result{TaskID: task.ID}
			return
		default:
			p.results <- Result{TaskID: task.ID}
		}
	}
}

func (p *WorkerPool) Submit(task Task) {
	p.tasks <- task
}

// Wait closes results after wg.Wait: ordered after the workers.
func (p *WorkerPool) Wait() []Result {
	go func() {
		p.wg.Wait()
		close(p.results)
	}()
	var out []Result
	for r := range p.results {
		out = append(out, r)
	}
	return out
}

// The fix: Submit and the close share a mutex and a closed flag.
type SafePool struct {
	mu     sync.Mutex
	closed bool
	tasks  chan Task
}

func NewSafePool(ctx context.Context) *SafePool {
	p := &SafePool{tasks: make(chan Task, 100)}
	go func() {
		<-ctx.Done()
		p.mu.Lock()
		p.closed = true
		close(p.tasks)
		p.mu.Unlock()
	}()
	return p
}

func (p *SafePool) Submit(t Task) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.tasks <- t
	return true
}

// sync.Once-guarded close in the watcher. Silent.
type OncePool struct {
	once  sync.Once
	tasks chan Task
}

func NewOncePool(ctx context.Context) *OncePool {
	p := &OncePool{tasks: make(chan Task)}
	go func() {
		<-ctx.Done()
		p.once.Do(func() { close(p.tasks) })
	}()
	return p
}

// The goroutine that closes is the sender. Silent.
type Gen struct{ out chan int }

func NewGen() *Gen {
	g := &Gen{out: make(chan int)}
	go func() {
		defer close(g.out)
		for i := 0; i < 3; i++ {
			g.out <- i
		}
	}()
	return g
}

// An unexported type's method is not API. Silent.
type inner struct{ ch chan int }

func (i *inner) Put(v int) { i.ch <- v }

func newInner(ctx context.Context) *inner {
	i := &inner{ch: make(chan int, 1)}
	go func() {
		<-ctx.Done()
		close(i.ch)
	}()
	return i
}

// A method value started as a goroutine closes the channel.
type Feed struct{ items chan string }

func (f *Feed) Add(s string) { f.items <- s }

func (f *Feed) expire(ctx context.Context) {
	<-ctx.Done()
	close(f.items) // want `close of f.items in a goroutine is not ordered after the send in exported Add: the send may panic`
}

func StartFeed(ctx context.Context) *Feed {
	f := &Feed{items: make(chan string, 8)}
	go f.expire(ctx)
	return f
}

// The same fix with the mutex held as a sync.Locker: the lock-set
// model sees the interface's Lock. Silent.
type LockerPool struct {
	l      sync.Locker
	closed bool
	tasks  chan Task
}

func NewLockerPool(ctx context.Context) *LockerPool {
	p := &LockerPool{l: new(sync.Mutex), tasks: make(chan Task, 100)}
	go func() {
		<-ctx.Done()
		p.l.Lock()
		p.closed = true
		close(p.tasks)
		p.l.Unlock()
	}()
	return p
}

func (p *LockerPool) Submit(t Task) bool {
	p.l.Lock()
	defer p.l.Unlock()
	if p.closed {
		return false
	}
	p.tasks <- t
	return true
}
