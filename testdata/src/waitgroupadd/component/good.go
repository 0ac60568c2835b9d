package component

import (
	"context"
	"sync"
)

// Crawler: Stop first receives from ready, which run closes after its
// Adds: silent.
type Crawler struct {
	ready  chan struct{}
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func NewCrawler(urls []string) *Crawler { // want NewCrawler:`waitgroupadd\( flags=8\)`
	ctx, cancel := context.WithCancel(context.Background())
	c := &Crawler{ready: make(chan struct{}), cancel: cancel}
	go c.run(ctx, urls)
	return c
}

func (c *Crawler) run(ctx context.Context, urls []string) {
	for range urls {
		c.wg.Add(1)
		go c.fetch(ctx)
	}
	close(c.ready)
}

func (c *Crawler) fetch(ctx context.Context) {
	defer c.wg.Done()
	<-ctx.Done()
}

func (c *Crawler) Stop() { // want Stop:`waitgroupadd\(carry:p0/1 pub:p0/1 wait:p0/2 flags=0\)`
	<-c.ready
	c.cancel()
	c.wg.Wait()
}

// Agent: the constructor counts the loop before starting it, and the
// loop's Adds for its workers run while its own count is held: silent.
type Agent struct {
	quit chan struct{}
	wg   sync.WaitGroup
}

func NewAgent() *Agent {
	a := &Agent{quit: make(chan struct{})}
	a.wg.Add(1)
	go a.loop()
	return a
}

func (a *Agent) loop() {
	defer a.wg.Done()
	for i := 0; i < 3; i++ {
		a.wg.Add(1)
		go a.work()
	}
	<-a.quit
}

func (a *Agent) work() {
	defer a.wg.Done()
	<-a.quit
}

func (a *Agent) Close() { // want Close:`waitgroupadd\(pub:p0/0 wait:p0/1 flags=8\)`
	close(a.quit)
	a.wg.Wait()
}

// Batcher: the goroutine adds to flushes, a WaitGroup that only the
// goroutine itself waits on; Close waits on another one: silent.
type Batcher struct {
	in      chan int
	flushes sync.WaitGroup
	done    sync.WaitGroup
}

func NewBatcher() *Batcher {
	b := &Batcher{in: make(chan int)}
	b.done.Add(1)
	go b.loop()
	return b
}

func (b *Batcher) loop() {
	defer b.done.Done()
	for v := range b.in {
		b.flushes.Add(1)
		go b.flush(v)
	}
	b.flushes.Wait()
}

func (b *Batcher) flush(int) { b.flushes.Done() }

func (b *Batcher) Close() { // want Close:`waitgroupadd\(pub:p0/0 wait:p0/2 flags=8\)`
	close(b.in)
	b.done.Wait()
}

// Worker: the Wait is in an unexported method that only the goroutine
// itself calls: no user can reach it early: silent.
type Worker struct {
	jobs chan func()
	wg   sync.WaitGroup
}

func (w *Worker) Start() { go w.run() } // want Start:`waitgroupadd\(carry:p0/1 wait:p0/1 flags=0\)`

func (w *Worker) run() {
	for j := range w.jobs {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			j()
		}()
	}
	w.drain()
}

func (w *Worker) drain() { w.wg.Wait() }
